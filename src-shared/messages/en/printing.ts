// Printers: faults, live status, discovery problems, test prints (said by main).
export const printing = {
  'printer.fault.paper-out': 'Paper out',
  'printer.fault.head-open': 'Print head open',
  'printer.fault.ribbon-out': 'Ribbon out',
  'printer.fault.paused': 'Paused',
  'printer.fault.buffer-full': 'Receive buffer full',
  'printer.fault.head-too-hot': 'Print head too hot',
  'printer.fault.other': 'Printer error',
  'printer.ready': 'Ready',
  'printer.faults': '{{faults}}',

  'printer.status.notChecked': 'Not checked yet',
  'printer.status.unreachable': 'Unreachable: {{reason}}',
  'printer.status.unavailable': 'Unavailable: {{reason}}',
  'printer.status.error': 'The printer could not be asked: {{detail}}',
  'printer.status.readyNoStatus': 'Ready (this printer does not report status)',
  'printer.status.connectedNoStatus': 'Connected (this printer does not report status over USB)',
  'printer.status.notAnswering': 'Not answering status queries: check paper, ribbon and print head',
  'printer.status.queueRejecting': '{{faults}} (the OS queue is not accepting jobs)',
  'printer.status.withNote': '{{faults}} ({{note}})',
  'printer.status.windowsSays': '{{faults}} (Windows says “{{status}}”)',

  'printer.unknown': 'There is no printer {{id}}.',
  'printer.fixed': '{{printer}} is set up by the station’s environment; change it there.',
  'printer.addressTaken': '{{address}} is already set up as “{{printer}}”.',
  'printer.address.notUsb':
    'A USB printer address looks like usb://0a5f:0181[/serial], not “{{address}}”.',
  'printer.address.notIpp':
    'A CUPS queue address looks like ipp://host:631/printers/NAME, not “{{address}}”.',
  'printer.cannotOpen': 'The printer cannot be opened: {{detail}}',
  'printer.unavailable.named': '{{printer}}: {{reason}}',
  'printer.route.zplNeedsZpl': 'ZPL labels need a ZPL printer.',
  'printer.route.a4NeedsPdf': 'A4 documents need a PDF printer.',
  'printer.route.fixed.zpl-label':
    'The station’s environment chooses the printer for ZPL labels; change it there.',
  'printer.route.fixed.pdf-label':
    'The station’s environment chooses the printer for PDF labels; change it there.',
  'printer.route.fixed.a4-document':
    'The station’s environment chooses the printer for A4 documents; change it there.',
  'printer.notReachable': '{{printer}}: {{status}}',
  'printer.faultBeforeSending':
    '{{faults}} on {{printer}}: nothing was sent; the label prints once this is fixed.',
  'printer.faultAfterTaking':
    '{{faults}} on {{printer}}: the label is in the printer and comes out once this is fixed.',
  'printer.tookThenLost':
    '{{printer}} took the label, then stopped answering: it prints when the printer is back.',
  'printer.closed': 'The printer “{{printer}}” is closed.',
  'printer.closedMidJob': 'The printer “{{printer}}” was closed mid-job.',

  'printer.net.closed': 'closed',
  'printer.net.closedByStation': 'The printer at {{address}} was closed by the station.',
  'printer.net.noAnswerWithin': '{{address}} did not answer within {{ms}} ms',
  'printer.net.noAnswerSeconds': 'no answer within {{seconds}} s',
  'printer.net.noAnswer':
    'The printer at {{address}} did not answer. Check that it is on and connected.',
  'printer.net.codeAt': '{{code}} at {{address}}',
  'printer.net.unreachable':
    'The printer at {{address}} is unreachable ({{code}}). Check that it is on and connected.',
  'printer.net.stoppedTaking': 'The printer at {{address}} stopped taking data.',
  'printer.net.brokeMidJob':
    'The connection to the printer at {{address}} broke mid-job ({{code}}).',

  'printer.usb.notConnected':
    'The USB printer {{printer}} is not connected. Check the cable and power.',
  'printer.usb.noAccessWindows':
    'The station has no permission to use the USB printer {{printer}} ({{ids}}). Windows gives it to its own print driver: install the WinUSB driver for it with Zadig, or print through the printer’s Windows print queue instead.',
  'printer.usb.noAccessMac':
    'The station has no permission to use the USB printer {{printer}} ({{ids}}). macOS holds it for its print system: remove the printer from System Settings > Printers & Scanners and replug it, or print through its macOS print queue instead.',
  'printer.usb.noAccessLinux':
    'The station has no permission to use the USB printer {{printer}} ({{ids}}). On Linux, allow it with a udev rule: put SUBSYSTEM=="usb", ATTR{idVendor}=="{{vendor}}", ATTR{idProduct}=="{{product}}", MODE="0666" in /etc/udev/rules.d/99-packdesk-printer.rules, run "sudo udevadm control --reload-rules", then unplug and replug the printer.',
  'printer.usb.busy':
    'The USB printer {{printer}} is held by another driver or program (the OS print driver / CUPS usb backend). Use its OS print queue instead, or release it (close that program, or remove the printer from the OS) and try again.',
  'printer.usb.driver':
    'The USB printer {{printer}} is driven by the OS print driver, which the station cannot talk through. On Windows install the WinUSB driver for it with Zadig, or use its OS print queue instead.',
  'printer.usb.cannotOpen': 'The USB printer {{printer}} could not be opened ({{detail}}).',
  'printer.usb.noLibrary':
    'USB printing is not available on this computer: the USB library did not load ({{detail}}). Print through the printer’s OS print queue instead.',
  'printer.usb.cannotList': 'The station could not list USB devices ({{detail}}).',
  'printer.usb.notPrinter':
    'The USB device {{printer}} is not a printer (it has no printer interface).',
  'printer.usb.noEndpoint': 'The USB printer {{printer}} has no endpoint to send print data to.',
  'printer.usb.unpluggedMidJob':
    'The USB printer {{printer}} was unplugged mid-job; the label may be partly printed. Reconnect it and print the label again.',
  'printer.usb.stoppedTaking':
    'The USB printer {{printer}} stopped taking data. Check it for paper, a jam or an open head.',
  'printer.usb.stalled':
    'The USB printer {{printer}} refused the data (its USB endpoint stalled). Turn it off and on again.',
  'printer.usb.failedMidTransfer': 'The USB printer {{printer}} failed mid-transfer ({{detail}}).',
  'printer.usb.noAnswer': 'The USB printer {{printer}} did not answer {{command}}.',

  'printer.spooler.nothingAnswered': 'nothing answered at {{server}} ({{reason}})',
  'printer.spooler.notFound': 'No OS print service found: {{problem}}. Is CUPS running?',
  'printer.spooler.refused':
    'The OS print service at {{server}} refused the request (HTTP {{status}}).',
  'printer.spooler.notIpp': 'The OS print service at {{server}} sent an answer that is not IPP.',
  'printer.spooler.listRefused':
    'The OS print service at {{server}} refused to list its queues ({{status}}).',
  'printer.queue.missing':
    'The OS print queue “{{queue}}” does not exist at {{server}}. Choose the printer again in setup.',
  'printer.queue.describeRefused':
    'The OS print service refused to describe “{{queue}}” ({{status}}).',
  'printer.queue.jobCancelled': 'The OS queue “{{queue}}” cancelled the job.',
  'printer.queue.jobCancelled.detail': 'The OS queue “{{queue}}” cancelled the job ({{detail}}).',
  'printer.queue.jobAborted': 'The OS queue “{{queue}}” aborted the job.',
  'printer.queue.jobAborted.detail': 'The OS queue “{{queue}}” aborted the job ({{detail}}).',
  'printer.queue.stuck':
    'The job was still in the OS queue “{{queue}}” after {{seconds}} s, so it was cancelled. Check that the printer is on and connected, then print again.',
  'printer.queue.stuck.detail':
    'The job was still in the OS queue “{{queue}}” after {{seconds}} s ({{detail}}), so it was cancelled. Check that the printer is on and connected, then print again.',
  'printer.queue.rejecting':
    'The OS queue “{{queue}}” is not accepting jobs. Enable it in the OS printer settings (cupsaccept {{queue}}).',
  'printer.queue.paused':
    'The OS queue “{{queue}}” is paused. Resume it in the OS printer settings (cupsenable {{queue}}).',
  'printer.queue.paused.detail':
    'The OS queue “{{queue}}” is paused ({{detail}}). Resume it in the OS printer settings (cupsenable {{queue}}).',
  'printer.queue.stoppedAnswering':
    'The OS print service stopped answering while taking the job for “{{queue}}” ({{reason}}). Check the OS queue before printing again.',
  'printer.queue.notAccepting': 'The OS queue “{{queue}}” is not accepting jobs.',
  'printer.queue.refusedJob': 'The OS queue “{{queue}}” refused the job ({{status}}).',
  'printer.queue.noJobId': 'The OS queue “{{queue}}” gave the job no id.',

  'printer.windows.reportsOffline':
    'Windows reports the printer offline. Check that it is on and connected.',
  'printer.windows.noPowershell':
    'Windows PowerShell could not be started ({{code}}); Windows print queues work only on Windows.',
  'printer.windows.noAnswer':
    'The Windows spooler did not answer about “{{queue}}” within {{seconds}} s.',
  'printer.windows.noQueue':
    'The Windows print queue “{{queue}}” does not exist. Choose the printer again in setup.',
  'printer.windows.noQueueNamed': '“{{address}}” names no Windows print queue.',
  'printer.windows.spoolerDown':
    'The Windows print spooler is not running. Start the “Print Spooler” service.',
  'printer.windows.spoolerDown.detail':
    'The Windows print spooler is not running ({{detail}}). Start the “Print Spooler” service.',
  'printer.windows.refused': 'Windows refused the job for “{{queue}}”.',
  'printer.windows.refused.detail': 'Windows refused the job for “{{queue}}”: {{detail}}.',
  'printer.windows.stuck':
    'The job was still in the Windows queue “{{queue}}” after {{seconds}} s, so it was cancelled. Check that the printer is on and connected, then print again.',
  'printer.windows.stuck.detail':
    'The job was still in the Windows queue “{{queue}}” after {{seconds}} s ({{detail}}), so it was cancelled. Check that the printer is on and connected, then print again.',
  'printer.windows.powershellFailed':
    'PowerShell failed while printing to “{{queue}}” (exit {{exit}}): {{detail}}.',
  'printer.windows.noSumatra':
    'Printing PDFs to the Windows queue “{{queue}}” needs SumatraPDF, which is not installed. Install it from sumatrapdfreader.org, or use a printer whose driver takes PDF directly.',
  'printer.windows.didNotFinish': 'it did not finish',
  'printer.windows.sumatraFailed': 'SumatraPDF could not print to “{{queue}}” ({{why}}).',
  'printer.windows.notDescribed': 'Windows did not describe “{{queue}}”.',
  'printer.windows.notJson': 'Get-Printer gave an answer that is not JSON.',

  'printer.discovery.noUsb': 'No USB printers are connected.',
  'printer.discovery.usbFailed': 'USB could not be searched: {{problem}}',
  'printer.discovery.noQueues': 'The OS print service has no queues.',
  'printer.discovery.fact.zpl': 'ZPL label printer',
  'printer.discovery.fact.usb': 'USB printer',
  'printer.discovery.fact.serial': 'serial {{serial}}',
  'printer.discovery.fact.raw': 'raw queue',
  'printer.discovery.fact.text': '{{text}}',
  'printer.discovery.queueRejecting': 'The queue is not accepting jobs.',

  'printer.testPage.fault':
    '{{faults}}: the test page is in the printer and comes out once this is fixed.',
  'printer.testPage.noStatus':
    'The printer took the page but does not report its status: check that it came out.',

  'printer.warning.dpiMismatch':
    'This label is {{labelDpi}} dpi ZPL but the printer is {{printerDpi}} dpi: printed from a re-rendered image at the right size.',
  'printer.warning.zplOnPdfA6':
    'This label is ZPL but the printer prints PDF: printed from an image of the label, scaled to fit A6.',
  'printer.warning.zplOnPdfA4':
    'This label is ZPL but the printer prints PDF: printed from an image of the label, scaled to fit a quarter of A4.',

  'printer.label.unknownFormat':
    'Sendcloud returned a label that is neither ZPL nor PDF. Nothing was sent to the printer.',
  'printer.label.notZpl': 'The label file is not ZPL: it has no ^XA start command.',
  'printer.label.notPdf': 'The label is not a readable PDF file.',
  'printer.label.unrenderable': 'The ZPL label could not be drawn at this printer’s resolution.',
  'printer.label.noPage': 'The label PDF has no page {{page}}.',
  'printer.label.pageUnreadable': 'Page {{page}} of the label PDF cannot be read.',
  'printer.label.noPages': 'The label PDF has no pages.',
  'printer.label.zplCutOff':
    'The ZPL labels end in the middle of a label: its ^XA start has no ^XZ end.',
} as const;
