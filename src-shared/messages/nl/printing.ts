import type { printing as english } from '../en/printing';
import type { Translation } from '../translation';

export const printing: Translation<typeof english> = {
  'printer.fault.paper-out': 'Papier op',
  'printer.fault.head-open': 'Printkop open',
  'printer.fault.ribbon-out': 'Lint op',
  'printer.fault.paused': 'Gepauzeerd',
  'printer.fault.buffer-full': 'Ontvangstbuffer vol',
  'printer.fault.head-too-hot': 'Printkop te heet',
  'printer.fault.other': 'Printerfout',
  'printer.ready': 'Klaar',
  'printer.faults': '{{faults}}',

  'printer.status.notChecked': 'Nog niet gecontroleerd',
  'printer.status.unreachable': 'Niet bereikbaar: {{reason}}',
  'printer.status.unavailable': 'Niet beschikbaar: {{reason}}',
  'printer.status.error': 'De printer kon niet worden uitgelezen: {{detail}}',
  'printer.status.readyNoStatus': 'Klaar (deze printer meldt geen status)',
  'printer.status.connectedNoStatus': 'Verbonden (deze printer meldt geen status via USB)',
  'printer.status.notAnswering':
    'Reageert niet op statusvragen: controleer papier, lint en printkop',
  'printer.status.queueRejecting': '{{faults}} (de wachtrij van het systeem neemt geen taken aan)',
  'printer.status.withNote': '{{faults}} ({{note}})',
  'printer.status.windowsSays': '{{faults}} (Windows meldt “{{status}}”)',

  'printer.unknown': 'Er is geen printer {{id}}.',
  'printer.fixed': '{{printer}} is ingesteld in de omgeving van het station; wijzig het daar.',
  'printer.addressTaken': '{{address}} is al ingesteld als “{{printer}}”.',
  'printer.address.notUsb':
    'Een USB-printeradres ziet eruit als usb://0a5f:0181[/serienummer], niet als “{{address}}”.',
  'printer.address.notIpp':
    'Een CUPS-wachtrijadres ziet eruit als ipp://host:631/printers/NAAM, niet als “{{address}}”.',
  'printer.cannotOpen': 'De printer kan niet worden geopend: {{detail}}',
  'printer.unavailable.named': '{{printer}}: {{reason}}',
  'printer.route.zplNeedsZpl': 'ZPL-labels hebben een ZPL-printer nodig.',
  'printer.route.a4NeedsPdf': 'A4-documenten hebben een PDF-printer nodig.',
  'printer.route.fixed.zpl-label':
    'De omgeving van het station kiest de printer voor ZPL-labels; wijzig het daar.',
  'printer.route.fixed.pdf-label':
    'De omgeving van het station kiest de printer voor PDF-labels; wijzig het daar.',
  'printer.route.fixed.a4-document':
    'De omgeving van het station kiest de printer voor A4-documenten; wijzig het daar.',
  'printer.notReachable': '{{printer}}: {{status}}',
  'printer.faultBeforeSending':
    '{{faults}} bij {{printer}}: niets verstuurd; het label komt zodra dit is opgelost.',
  'printer.faultAfterTaking':
    '{{faults}} bij {{printer}}: het label zit in de printer en komt eruit zodra dit is opgelost.',
  'printer.tookThenLost':
    '{{printer}} nam het label aan en reageerde daarna niet meer: het label komt zodra de printer terug is.',
  'printer.closed': 'De printer “{{printer}}” is gesloten.',
  'printer.closedMidJob': 'De printer “{{printer}}” werd tijdens de taak gesloten.',

  'printer.net.closed': 'gesloten',
  'printer.net.closedByStation': 'De printer op {{address}} is door het station gesloten.',
  'printer.net.noAnswerWithin': '{{address}} antwoordde niet binnen {{ms}} ms',
  'printer.net.noAnswerSeconds': 'geen antwoord binnen {{seconds}} s',
  'printer.net.noAnswer':
    'De printer op {{address}} antwoordt niet. Controleer of hij aan staat en aangesloten is.',
  'printer.net.codeAt': '{{code}} op {{address}}',
  'printer.net.unreachable':
    'De printer op {{address}} is niet bereikbaar ({{code}}). Controleer of hij aan staat en aangesloten is.',
  'printer.net.stoppedTaking': 'De printer op {{address}} neemt geen gegevens meer aan.',
  'printer.net.brokeMidJob':
    'De verbinding met de printer op {{address}} viel weg tijdens de taak ({{code}}).',

  'printer.usb.notConnected':
    'De USB-printer {{printer}} is niet aangesloten. Controleer kabel en stroom.',
  'printer.usb.noAccessWindows':
    'Het station mag de USB-printer {{printer}} ({{ids}}) niet gebruiken. Windows geeft hem aan zijn eigen printerstuurprogramma: installeer er met Zadig het WinUSB-stuurprogramma voor, of print via de Windows-wachtrij van de printer.',
  'printer.usb.noAccessMac':
    'Het station mag de USB-printer {{printer}} ({{ids}}) niet gebruiken. macOS houdt hem vast voor zijn printsysteem: verwijder de printer bij Systeeminstellingen > Printers en scanners en sluit hem opnieuw aan, of print via de macOS-wachtrij.',
  'printer.usb.noAccessLinux':
    'Het station mag de USB-printer {{printer}} ({{ids}}) niet gebruiken. Sta hem op Linux toe met een udev-regel: zet SUBSYSTEM=="usb", ATTR{idVendor}=="{{vendor}}", ATTR{idProduct}=="{{product}}", MODE="0666" in /etc/udev/rules.d/99-packdesk-printer.rules, voer "sudo udevadm control --reload-rules" uit en sluit de printer opnieuw aan.',
  'printer.usb.busy':
    'De USB-printer {{printer}} is bezet door een ander stuurprogramma of programma (het printerstuurprogramma van het systeem / de CUPS-usb-backend). Gebruik de wachtrij van het systeem, of geef hem vrij (sluit dat programma of verwijder de printer uit het systeem) en probeer opnieuw.',
  'printer.usb.driver':
    'De USB-printer {{printer}} wordt aangestuurd door het printerstuurprogramma van het systeem, waar het station niet doorheen kan. Installeer op Windows met Zadig het WinUSB-stuurprogramma, of gebruik de wachtrij van het systeem.',
  'printer.usb.cannotOpen': 'De USB-printer {{printer}} kon niet worden geopend ({{detail}}).',
  'printer.usb.noLibrary':
    'Printen via USB kan niet op deze computer: de USB-bibliotheek laadde niet ({{detail}}). Print via de wachtrij van het systeem.',
  'printer.usb.cannotList': 'Het station kon de USB-apparaten niet opvragen ({{detail}}).',
  'printer.usb.notPrinter':
    'Het USB-apparaat {{printer}} is geen printer (het heeft geen printerinterface).',
  'printer.usb.noEndpoint':
    'De USB-printer {{printer}} heeft geen aansluitpunt om printgegevens naartoe te sturen.',
  'printer.usb.unpluggedMidJob':
    'De USB-printer {{printer}} werd tijdens de taak losgekoppeld; het label is misschien half geprint. Sluit hem weer aan en print het label opnieuw.',
  'printer.usb.stoppedTaking':
    'De USB-printer {{printer}} neemt geen gegevens meer aan. Controleer papier, vastgelopen labels of een open kop.',
  'printer.usb.stalled':
    'De USB-printer {{printer}} weigerde de gegevens (USB-aansluitpunt vastgelopen). Zet hem uit en weer aan.',
  'printer.usb.failedMidTransfer':
    'De USB-printer {{printer}} faalde tijdens het versturen ({{detail}}).',
  'printer.usb.noAnswer': 'De USB-printer {{printer}} antwoordde niet op {{command}}.',

  'printer.spooler.nothingAnswered': 'geen antwoord van {{server}} ({{reason}})',
  'printer.spooler.notFound':
    'Geen printservice van het systeem gevonden: {{problem}}. Draait CUPS?',
  'printer.spooler.refused':
    'De printservice op {{server}} weigerde het verzoek (HTTP {{status}}).',
  'printer.spooler.notIpp': 'De printservice op {{server}} gaf een antwoord dat geen IPP is.',
  'printer.spooler.listRefused':
    'De printservice op {{server}} weigerde de wachtrijen te tonen ({{status}}).',
  'printer.queue.missing':
    'De wachtrij “{{queue}}” bestaat niet op {{server}}. Kies de printer opnieuw bij het instellen.',
  'printer.queue.describeRefused':
    'De printservice weigerde “{{queue}}” te beschrijven ({{status}}).',
  'printer.queue.jobCancelled': 'De wachtrij “{{queue}}” annuleerde de taak.',
  'printer.queue.jobCancelled.detail': 'De wachtrij “{{queue}}” annuleerde de taak ({{detail}}).',
  'printer.queue.jobAborted': 'De wachtrij “{{queue}}” brak de taak af.',
  'printer.queue.jobAborted.detail': 'De wachtrij “{{queue}}” brak de taak af ({{detail}}).',
  'printer.queue.stuck':
    'De taak stond na {{seconds}} s nog in de wachtrij “{{queue}}” en is geannuleerd. Controleer of de printer aan staat en aangesloten is, en print opnieuw.',
  'printer.queue.stuck.detail':
    'De taak stond na {{seconds}} s nog in de wachtrij “{{queue}}” ({{detail}}) en is geannuleerd. Controleer of de printer aan staat en aangesloten is, en print opnieuw.',
  'printer.queue.rejecting':
    'De wachtrij “{{queue}}” neemt geen taken aan. Zet dat aan in de printerinstellingen van het systeem (cupsaccept {{queue}}).',
  'printer.queue.paused':
    'De wachtrij “{{queue}}” is gepauzeerd. Hervat hem in de printerinstellingen van het systeem (cupsenable {{queue}}).',
  'printer.queue.paused.detail':
    'De wachtrij “{{queue}}” is gepauzeerd ({{detail}}). Hervat hem in de printerinstellingen van het systeem (cupsenable {{queue}}).',
  'printer.queue.stoppedAnswering':
    'De printservice reageerde niet meer tijdens het aannemen van de taak voor “{{queue}}” ({{reason}}). Controleer de wachtrij voordat je opnieuw print.',
  'printer.queue.notAccepting': 'De wachtrij “{{queue}}” neemt geen taken aan.',
  'printer.queue.refusedJob': 'De wachtrij “{{queue}}” weigerde de taak ({{status}}).',
  'printer.queue.noJobId': 'De wachtrij “{{queue}}” gaf de taak geen nummer.',

  'printer.windows.reportsOffline':
    'Windows meldt de printer offline. Controleer of hij aan staat en aangesloten is.',
  'printer.windows.noPowershell':
    'Windows PowerShell kon niet starten ({{code}}); Windows-wachtrijen werken alleen op Windows.',
  'printer.windows.noAnswer':
    'De Windows-printspooler antwoordde niet over “{{queue}}” binnen {{seconds}} s.',
  'printer.windows.noQueue':
    'De Windows-wachtrij “{{queue}}” bestaat niet. Kies de printer opnieuw bij het instellen.',
  'printer.windows.noQueueNamed': '“{{address}}” noemt geen Windows-wachtrij.',
  'printer.windows.spoolerDown':
    'De Windows-printspooler draait niet. Start de service “Afdrukspooler”.',
  'printer.windows.spoolerDown.detail':
    'De Windows-printspooler draait niet ({{detail}}). Start de service “Afdrukspooler”.',
  'printer.windows.refused': 'Windows weigerde de taak voor “{{queue}}”.',
  'printer.windows.refused.detail': 'Windows weigerde de taak voor “{{queue}}”: {{detail}}.',
  'printer.windows.stuck':
    'De taak stond na {{seconds}} s nog in de Windows-wachtrij “{{queue}}” en is geannuleerd. Controleer of de printer aan staat en aangesloten is, en print opnieuw.',
  'printer.windows.stuck.detail':
    'De taak stond na {{seconds}} s nog in de Windows-wachtrij “{{queue}}” ({{detail}}) en is geannuleerd. Controleer of de printer aan staat en aangesloten is, en print opnieuw.',
  'printer.windows.powershellFailed':
    'PowerShell faalde bij het printen naar “{{queue}}” (exit {{exit}}): {{detail}}.',
  'printer.windows.noSumatra':
    'Voor PDF’s naar de Windows-wachtrij “{{queue}}” is SumatraPDF nodig, en dat is niet geïnstalleerd. Installeer het via sumatrapdfreader.org, of gebruik een printer waarvan het stuurprogramma zelf PDF aanneemt.',
  'printer.windows.didNotFinish': 'het werd niet afgerond',
  'printer.windows.sumatraFailed': 'SumatraPDF kon niet printen naar “{{queue}}” ({{why}}).',
  'printer.windows.notDescribed': 'Windows gaf geen beschrijving van “{{queue}}”.',
  'printer.windows.notJson': 'Get-Printer gaf een antwoord dat geen JSON is.',

  'printer.discovery.noUsb': 'Er zijn geen USB-printers aangesloten.',
  'printer.discovery.usbFailed': 'USB kon niet worden doorzocht: {{problem}}',
  'printer.discovery.noQueues': 'De printservice van het systeem heeft geen wachtrijen.',
  'printer.discovery.fact.zpl': 'ZPL-labelprinter',
  'printer.discovery.fact.usb': 'USB-printer',
  'printer.discovery.fact.serial': 'serienummer {{serial}}',
  'printer.discovery.fact.raw': 'ruwe wachtrij (zonder driver)',
  'printer.discovery.fact.text': '{{text}}',
  'printer.discovery.queueRejecting': 'De wachtrij neemt geen taken aan.',

  'printer.testPage.fault':
    '{{faults}}: de testpagina zit in de printer en komt eruit zodra dit is opgelost.',
  'printer.testPage.noStatus':
    'De printer nam de pagina aan maar meldt geen status: kijk of hij eruit is gekomen.',

  'printer.warning.dpiMismatch':
    'Dit label is ZPL in {{labelDpi}} dpi, de printer werkt met {{printerDpi}} dpi: geprint vanaf een opnieuw getekende afbeelding op het juiste formaat.',
  'printer.warning.zplOnPdfA6':
    'Dit label is ZPL, maar de printer print PDF: geprint als afbeelding van het label, passend gemaakt op A6.',
  'printer.warning.zplOnPdfA4':
    'Dit label is ZPL, maar de printer print PDF: geprint als afbeelding van het label, passend gemaakt op een kwart A4.',

  'printer.label.unknownFormat':
    'Sendcloud stuurde een label dat geen ZPL en geen PDF is. Er is niets naar de printer gestuurd.',
  'printer.label.notZpl': 'Het labelbestand is geen ZPL: de startopdracht ^XA ontbreekt.',
  'printer.label.notPdf': 'Het label is geen leesbaar PDF-bestand.',
  'printer.label.unrenderable':
    'Het ZPL-label kan niet op de resolutie van deze printer worden getekend.',
  'printer.label.noPage': 'De label-PDF heeft geen pagina {{page}}.',
  'printer.label.pageUnreadable': 'Pagina {{page}} van de label-PDF is onleesbaar.',
  'printer.label.noPages': 'De label-PDF heeft geen pagina’s.',
  'printer.label.zplCutOff':
    'De ZPL-labels houden midden in een label op: de ^XA-start heeft geen ^XZ-einde.',
};
