import type { printing as english } from '../en/printing';
import type { Translation } from '../translation';

export const printing: Translation<typeof english> = {
  'printer.fault.paper-out': 'Papier leer',
  'printer.fault.head-open': 'Druckkopf offen',
  'printer.fault.ribbon-out': 'Farbband leer',
  'printer.fault.paused': 'Pausiert',
  'printer.fault.buffer-full': 'Empfangspuffer voll',
  'printer.fault.head-too-hot': 'Druckkopf zu heiß',
  'printer.fault.other': 'Druckerfehler',
  'printer.ready': 'Bereit',
  'printer.faults': '{{faults}}',

  'printer.status.notChecked': 'Noch nicht geprüft',
  'printer.status.unreachable': 'Nicht erreichbar: {{reason}}',
  'printer.status.unavailable': 'Nicht verfügbar: {{reason}}',
  'printer.status.error': 'Der Drucker ließ sich nicht abfragen: {{detail}}',
  'printer.status.readyNoStatus': 'Bereit (dieser Drucker meldet keinen Status)',
  'printer.status.connectedNoStatus': 'Verbunden (dieser Drucker meldet über USB keinen Status)',
  'printer.status.notAnswering':
    'Antwortet nicht auf Statusabfragen: Papier, Farbband und Druckkopf prüfen',
  'printer.status.queueRejecting': '{{faults}} (die Druckwarteschlange nimmt keine Aufträge an)',
  'printer.status.withNote': '{{faults}} ({{note}})',
  'printer.status.windowsSays': '{{faults}} (Windows meldet „{{status}}“)',

  'printer.unknown': 'Es gibt keinen Drucker {{id}}.',
  'printer.fixed': '{{printer}} ist in der Umgebung des Packplatzes eingerichtet; dort ändern.',
  'printer.addressTaken': '{{address}} ist schon als „{{printer}}“ eingerichtet.',
  'printer.address.notUsb':
    'Eine USB-Druckeradresse sieht so aus: usb://0a5f:0181[/Seriennummer], nicht „{{address}}“.',
  'printer.address.notIpp':
    'Eine CUPS-Warteschlangenadresse sieht so aus: ipp://host:631/printers/NAME, nicht „{{address}}“.',
  'printer.cannotOpen': 'Der Drucker lässt sich nicht öffnen: {{detail}}',
  'printer.unavailable.named': '{{printer}}: {{reason}}',
  'printer.route.zplNeedsZpl': 'ZPL-Etiketten brauchen einen ZPL-Drucker.',
  'printer.route.a4NeedsPdf': 'A4-Dokumente brauchen einen PDF-Drucker.',
  'printer.route.fixed.zpl-label':
    'Die Umgebung des Packplatzes wählt den Drucker für ZPL-Etiketten; dort ändern.',
  'printer.route.fixed.pdf-label':
    'Die Umgebung des Packplatzes wählt den Drucker für PDF-Etiketten; dort ändern.',
  'printer.route.fixed.a4-document':
    'Die Umgebung des Packplatzes wählt den Drucker für A4-Dokumente; dort ändern.',
  'printer.notReachable': '{{printer}}: {{status}}',
  'printer.faultBeforeSending':
    '{{faults}} bei {{printer}}: nichts gesendet; das Etikett kommt, sobald das behoben ist.',
  'printer.faultAfterTaking':
    '{{faults}} bei {{printer}}: das Etikett ist im Drucker und kommt heraus, sobald das behoben ist.',
  'printer.tookThenLost':
    '{{printer}} hat das Etikett angenommen und antwortet nicht mehr: es kommt, sobald der Drucker wieder da ist.',
  'printer.closed': 'Der Drucker „{{printer}}“ ist geschlossen.',
  'printer.closedMidJob': 'Der Drucker „{{printer}}“ wurde mitten im Auftrag geschlossen.',

  'printer.net.closed': 'geschlossen',
  'printer.net.closedByStation': 'Der Drucker unter {{address}} wurde vom Packplatz geschlossen.',
  'printer.net.noAnswerWithin': '{{address}} hat nicht innerhalb von {{ms}} ms geantwortet',
  'printer.net.noAnswerSeconds': 'keine Antwort innerhalb von {{seconds}} s',
  'printer.net.noAnswer':
    'Der Drucker unter {{address}} antwortet nicht. Prüfe, ob er eingeschaltet und angeschlossen ist.',
  'printer.net.codeAt': '{{code}} bei {{address}}',
  'printer.net.unreachable':
    'Der Drucker unter {{address}} ist nicht erreichbar ({{code}}). Prüfe, ob er eingeschaltet und angeschlossen ist.',
  'printer.net.stoppedTaking': 'Der Drucker unter {{address}} nimmt keine Daten mehr an.',
  'printer.net.brokeMidJob':
    'Die Verbindung zum Drucker unter {{address}} ist mitten im Auftrag abgebrochen ({{code}}).',

  'printer.usb.notConnected':
    'Der USB-Drucker {{printer}} ist nicht angeschlossen. Kabel und Strom prüfen.',
  'printer.usb.noAccessWindows':
    'Der Packplatz darf den USB-Drucker {{printer}} ({{ids}}) nicht benutzen. Windows gibt ihn seinem eigenen Druckertreiber: installiere dafür mit Zadig den WinUSB-Treiber oder drucke über die Windows-Druckwarteschlange des Druckers.',
  'printer.usb.noAccessMac':
    'Der Packplatz darf den USB-Drucker {{printer}} ({{ids}}) nicht benutzen. macOS hält ihn für sein Drucksystem: entferne den Drucker unter Systemeinstellungen > Drucker & Scanner und stecke ihn neu ein, oder drucke über die macOS-Druckwarteschlange.',
  'printer.usb.noAccessLinux':
    'Der Packplatz darf den USB-Drucker {{printer}} ({{ids}}) nicht benutzen. Unter Linux mit einer udev-Regel erlauben: SUBSYSTEM=="usb", ATTR{idVendor}=="{{vendor}}", ATTR{idProduct}=="{{product}}", MODE="0666" in /etc/udev/rules.d/99-packdesk-printer.rules eintragen, "sudo udevadm control --reload-rules" ausführen und den Drucker neu einstecken.',
  'printer.usb.busy':
    'Der USB-Drucker {{printer}} ist von einem anderen Treiber oder Programm belegt (dem Druckertreiber des Systems / dem CUPS-usb-Backend). Nimm seine Druckwarteschlange oder gib ihn frei (das Programm schließen oder den Drucker aus dem System entfernen) und versuche es erneut.',
  'printer.usb.driver':
    'Der USB-Drucker {{printer}} läuft über den Druckertreiber des Systems, durch den der Packplatz nicht sprechen kann. Unter Windows mit Zadig den WinUSB-Treiber installieren oder die Druckwarteschlange nehmen.',
  'printer.usb.cannotOpen': 'Der USB-Drucker {{printer}} ließ sich nicht öffnen ({{detail}}).',
  'printer.usb.noLibrary':
    'USB-Druck geht auf diesem Computer nicht: die USB-Bibliothek wurde nicht geladen ({{detail}}). Drucke über die Druckwarteschlange des Systems.',
  'printer.usb.cannotList': 'Der Packplatz konnte die USB-Geräte nicht auflisten ({{detail}}).',
  'printer.usb.notPrinter':
    'Das USB-Gerät {{printer}} ist kein Drucker (es hat keine Druckerschnittstelle).',
  'printer.usb.noEndpoint': 'Der USB-Drucker {{printer}} hat keinen Endpunkt für Druckdaten.',
  'printer.usb.unpluggedMidJob':
    'Der USB-Drucker {{printer}} wurde mitten im Auftrag abgezogen; das Etikett ist vielleicht nur halb gedruckt. Wieder anschließen und das Etikett neu drucken.',
  'printer.usb.stoppedTaking':
    'Der USB-Drucker {{printer}} nimmt keine Daten mehr an. Auf Papier, Stau oder offenen Kopf prüfen.',
  'printer.usb.stalled':
    'Der USB-Drucker {{printer}} hat die Daten abgewiesen (USB-Endpunkt blockiert). Aus- und wieder einschalten.',
  'printer.usb.failedMidTransfer':
    'Der USB-Drucker {{printer}} ist mitten in der Übertragung ausgefallen ({{detail}}).',
  'printer.usb.noAnswer': 'Der USB-Drucker {{printer}} hat nicht auf {{command}} geantwortet.',

  'printer.spooler.nothingAnswered': 'keine Antwort von {{server}} ({{reason}})',
  'printer.spooler.notFound': 'Kein Druckdienst des Systems gefunden: {{problem}}. Läuft CUPS?',
  'printer.spooler.refused':
    'Der Druckdienst unter {{server}} hat die Anfrage abgelehnt (HTTP {{status}}).',
  'printer.spooler.notIpp':
    'Der Druckdienst unter {{server}} hat eine Antwort geschickt, die kein IPP ist.',
  'printer.spooler.listRefused':
    'Der Druckdienst unter {{server}} wollte seine Warteschlangen nicht auflisten ({{status}}).',
  'printer.queue.missing':
    'Die Druckwarteschlange „{{queue}}“ gibt es unter {{server}} nicht. Wähle den Drucker in der Einrichtung neu.',
  'printer.queue.describeRefused':
    'Der Druckdienst wollte „{{queue}}“ nicht beschreiben ({{status}}).',
  'printer.queue.jobCancelled': 'Die Warteschlange „{{queue}}“ hat den Auftrag storniert.',
  'printer.queue.jobCancelled.detail':
    'Die Warteschlange „{{queue}}“ hat den Auftrag storniert ({{detail}}).',
  'printer.queue.jobAborted': 'Die Warteschlange „{{queue}}“ hat den Auftrag abgebrochen.',
  'printer.queue.jobAborted.detail':
    'Die Warteschlange „{{queue}}“ hat den Auftrag abgebrochen ({{detail}}).',
  'printer.queue.stuck':
    'Der Auftrag lag nach {{seconds}} s noch in der Warteschlange „{{queue}}“ und wurde storniert. Prüfe, ob der Drucker an und angeschlossen ist, dann neu drucken.',
  'printer.queue.stuck.detail':
    'Der Auftrag lag nach {{seconds}} s noch in der Warteschlange „{{queue}}“ ({{detail}}) und wurde storniert. Prüfe, ob der Drucker an und angeschlossen ist, dann neu drucken.',
  'printer.queue.rejecting':
    'Die Warteschlange „{{queue}}“ nimmt keine Aufträge an. In den Druckereinstellungen des Systems freigeben (cupsaccept {{queue}}).',
  'printer.queue.paused':
    'Die Warteschlange „{{queue}}“ ist pausiert. In den Druckereinstellungen des Systems fortsetzen (cupsenable {{queue}}).',
  'printer.queue.paused.detail':
    'Die Warteschlange „{{queue}}“ ist pausiert ({{detail}}). In den Druckereinstellungen des Systems fortsetzen (cupsenable {{queue}}).',
  'printer.queue.stoppedAnswering':
    'Der Druckdienst hat beim Annehmen des Auftrags für „{{queue}}“ nicht mehr geantwortet ({{reason}}). Prüfe die Warteschlange, bevor du neu druckst.',
  'printer.queue.notAccepting': 'Die Warteschlange „{{queue}}“ nimmt keine Aufträge an.',
  'printer.queue.refusedJob':
    'Die Warteschlange „{{queue}}“ hat den Auftrag abgelehnt ({{status}}).',
  'printer.queue.noJobId': 'Die Warteschlange „{{queue}}“ hat dem Auftrag keine Nummer gegeben.',

  'printer.windows.reportsOffline':
    'Windows meldet den Drucker offline. Prüfe, ob er eingeschaltet und angeschlossen ist.',
  'printer.windows.noPowershell':
    'Windows PowerShell ließ sich nicht starten ({{code}}); Windows-Druckwarteschlangen gehen nur unter Windows.',
  'printer.windows.noAnswer':
    'Die Windows-Druckwarteschlange hat zu „{{queue}}“ nicht innerhalb von {{seconds}} s geantwortet.',
  'printer.windows.noQueue':
    'Die Windows-Druckwarteschlange „{{queue}}“ gibt es nicht. Wähle den Drucker in der Einrichtung neu.',
  'printer.windows.noQueueNamed': '„{{address}}“ nennt keine Windows-Druckwarteschlange.',
  'printer.windows.spoolerDown':
    'Die Windows-Druckwarteschlange läuft nicht. Starte den Dienst „Druckwarteschlange“.',
  'printer.windows.spoolerDown.detail':
    'Die Windows-Druckwarteschlange läuft nicht ({{detail}}). Starte den Dienst „Druckwarteschlange“.',
  'printer.windows.refused': 'Windows hat den Auftrag für „{{queue}}“ abgelehnt.',
  'printer.windows.refused.detail':
    'Windows hat den Auftrag für „{{queue}}“ abgelehnt: {{detail}}.',
  'printer.windows.stuck':
    'Der Auftrag lag nach {{seconds}} s noch in der Windows-Warteschlange „{{queue}}“ und wurde storniert. Prüfe, ob der Drucker an und angeschlossen ist, dann neu drucken.',
  'printer.windows.stuck.detail':
    'Der Auftrag lag nach {{seconds}} s noch in der Windows-Warteschlange „{{queue}}“ ({{detail}}) und wurde storniert. Prüfe, ob der Drucker an und angeschlossen ist, dann neu drucken.',
  'printer.windows.powershellFailed':
    'PowerShell ist beim Drucken auf „{{queue}}“ gescheitert (Exit {{exit}}): {{detail}}.',
  'printer.windows.noSumatra':
    'Für PDFs auf die Windows-Warteschlange „{{queue}}“ braucht es SumatraPDF, das nicht installiert ist. Installiere es von sumatrapdfreader.org oder nimm einen Drucker, dessen Treiber PDF direkt annimmt.',
  'printer.windows.didNotFinish': 'es wurde nicht fertig',
  'printer.windows.sumatraFailed': 'SumatraPDF konnte nicht auf „{{queue}}“ drucken ({{why}}).',
  'printer.windows.notDescribed': 'Windows hat „{{queue}}“ nicht beschrieben.',
  'printer.windows.notJson': 'Get-Printer hat eine Antwort geschickt, die kein JSON ist.',

  'printer.discovery.noUsb': 'Keine USB-Drucker angeschlossen.',
  'printer.discovery.usbFailed': 'USB ließ sich nicht durchsuchen: {{problem}}',
  'printer.discovery.noQueues': 'Der Druckdienst des Systems hat keine Warteschlangen.',
  'printer.discovery.fact.zpl': 'ZPL-Etikettendrucker',
  'printer.discovery.fact.usb': 'USB-Drucker',
  'printer.discovery.fact.serial': 'Seriennummer {{serial}}',
  'printer.discovery.fact.raw': 'Rohdaten-Warteschlange (ohne Treiber)',
  'printer.discovery.fact.text': '{{text}}',
  'printer.discovery.queueRejecting': 'Die Warteschlange nimmt keine Aufträge an.',

  'printer.testPage.fault':
    '{{faults}}: die Testseite ist im Drucker und kommt heraus, sobald das behoben ist.',
  'printer.testPage.noStatus':
    'Der Drucker hat die Seite angenommen, meldet aber keinen Status: prüfe, ob sie herausgekommen ist.',

  'printer.warning.dpiMismatch':
    'Dieses Etikett ist ZPL mit {{labelDpi}} dpi, der Drucker hat {{printerDpi}} dpi: aus einem neu gezeichneten Bild in richtiger Größe gedruckt.',
  'printer.warning.zplOnPdfA6':
    'Dieses Etikett ist ZPL, der Drucker druckt PDF: als Bild des Etiketts gedruckt, auf A6 eingepasst.',
  'printer.warning.zplOnPdfA4':
    'Dieses Etikett ist ZPL, der Drucker druckt PDF: als Bild des Etiketts gedruckt, auf ein Viertel A4 eingepasst.',

  'printer.label.unknownFormat':
    'Sendcloud hat ein Etikett geschickt, das weder ZPL noch PDF ist. Es wurde nichts an den Drucker gesendet.',
  'printer.label.notZpl': 'Die Etikettendatei ist kein ZPL: der Startbefehl ^XA fehlt.',
  'printer.label.notPdf': 'Das Etikett ist keine lesbare PDF-Datei.',
  'printer.label.unrenderable':
    'Das ZPL-Etikett lässt sich in der Auflösung dieses Druckers nicht zeichnen.',
  'printer.label.noPage': 'Das Etiketten-PDF hat keine Seite {{page}}.',
  'printer.label.pageUnreadable': 'Seite {{page}} des Etiketten-PDFs ist nicht lesbar.',
  'printer.label.noPages': 'Das Etiketten-PDF hat keine Seiten.',
  'printer.label.zplCutOff':
    'Die ZPL-Etiketten enden mitten in einem Etikett: Sein ^XA-Anfang hat kein ^XZ-Ende.',
};
