import type { printing as english } from '../en/printing';
import type { Translation } from '../translation';

export const printing: Translation<typeof english> = {
  'printer.fault.paper-out': 'Plus de papier',
  'printer.fault.head-open': 'Tête d’impression ouverte',
  'printer.fault.ribbon-out': 'Plus de ruban',
  'printer.fault.paused': 'En pause',
  'printer.fault.buffer-full': 'Mémoire de réception pleine',
  'printer.fault.head-too-hot': 'Tête d’impression trop chaude',
  'printer.fault.other': 'Erreur d’imprimante',
  'printer.ready': 'Prête',
  'printer.faults': '{{faults}}',

  'printer.status.notChecked': 'Pas encore vérifiée',
  'printer.status.unreachable': 'Injoignable : {{reason}}',
  'printer.status.unavailable': 'Indisponible : {{reason}}',
  'printer.status.error': 'Impossible d’interroger l’imprimante : {{detail}}',
  'printer.status.readyNoStatus': 'Prête (cette imprimante ne donne pas son état)',
  'printer.status.connectedNoStatus': 'Connectée (cette imprimante ne donne pas son état par USB)',
  'printer.status.notAnswering':
    'Ne répond pas aux demandes d’état : vérifiez le papier, le ruban et la tête',
  'printer.status.queueRejecting': '{{faults}} (la file d’impression n’accepte pas de travaux)',
  'printer.status.withNote': '{{faults}} ({{note}})',
  'printer.status.windowsSays': '{{faults}} (Windows indique « {{status}} »)',

  'printer.unknown': 'Il n’y a pas d’imprimante {{id}}.',
  'printer.fixed': '{{printer}} est configurée par l’environnement du poste ; modifiez-la là.',
  'printer.addressTaken': '{{address}} est déjà configurée sous le nom « {{printer}} ».',
  'printer.address.notUsb':
    'Une adresse d’imprimante USB ressemble à usb://0a5f:0181[/numéro de série], pas à « {{address}} ».',
  'printer.address.notIpp':
    'Une adresse de file CUPS ressemble à ipp://hôte:631/printers/NOM, pas à « {{address}} ».',
  'printer.cannotOpen': 'Impossible d’ouvrir l’imprimante : {{detail}}',
  'printer.unavailable.named': '{{printer}} : {{reason}}',
  'printer.route.zplNeedsZpl': 'Les étiquettes ZPL demandent une imprimante ZPL.',
  'printer.route.a4NeedsPdf': 'Les documents A4 demandent une imprimante PDF.',
  'printer.route.fixed.zpl-label':
    'L’environnement du poste choisit l’imprimante des étiquettes ZPL ; modifiez-le là.',
  'printer.route.fixed.pdf-label':
    'L’environnement du poste choisit l’imprimante des étiquettes PDF ; modifiez-le là.',
  'printer.route.fixed.a4-document':
    'L’environnement du poste choisit l’imprimante des documents A4 ; modifiez-le là.',
  'printer.notReachable': '{{printer}} : {{status}}',
  'printer.faultBeforeSending':
    '{{faults}} sur {{printer}} : rien n’a été envoyé ; l’étiquette sortira une fois le problème réglé.',
  'printer.faultAfterTaking':
    '{{faults}} sur {{printer}} : l’étiquette est dans l’imprimante et sortira une fois le problème réglé.',
  'printer.tookThenLost':
    '{{printer}} a pris l’étiquette puis ne répond plus : elle sortira au retour de l’imprimante.',
  'printer.closed': 'L’imprimante « {{printer}} » est fermée.',
  'printer.closedMidJob': 'L’imprimante « {{printer}} » a été fermée en cours de travail.',

  'printer.net.closed': 'fermée',
  'printer.net.closedByStation': 'L’imprimante à {{address}} a été fermée par le poste.',
  'printer.net.noAnswerWithin': '{{address}} n’a pas répondu en {{ms}} ms',
  'printer.net.noAnswerSeconds': 'pas de réponse en {{seconds}} s',
  'printer.net.noAnswer':
    'L’imprimante à {{address}} ne répond pas. Vérifiez qu’elle est allumée et branchée.',
  'printer.net.codeAt': '{{code}} à {{address}}',
  'printer.net.unreachable':
    'L’imprimante à {{address}} est injoignable ({{code}}). Vérifiez qu’elle est allumée et branchée.',
  'printer.net.stoppedTaking': 'L’imprimante à {{address}} ne prend plus de données.',
  'printer.net.brokeMidJob':
    'La connexion avec l’imprimante à {{address}} a coupé en cours de travail ({{code}}).',

  'printer.usb.notConnected':
    'L’imprimante USB {{printer}} n’est pas branchée. Vérifiez le câble et l’alimentation.',
  'printer.usb.noAccessWindows':
    'Le poste n’a pas le droit d’utiliser l’imprimante USB {{printer}} ({{ids}}). Windows la confie à son propre pilote : installez-lui le pilote WinUSB avec Zadig, ou imprimez via la file d’impression Windows de l’imprimante.',
  'printer.usb.noAccessMac':
    'Le poste n’a pas le droit d’utiliser l’imprimante USB {{printer}} ({{ids}}). macOS la garde pour son système d’impression : retirez l’imprimante dans Réglages Système > Imprimantes et scanners et rebranchez-la, ou imprimez via sa file macOS.',
  'printer.usb.noAccessLinux':
    'Le poste n’a pas le droit d’utiliser l’imprimante USB {{printer}} ({{ids}}). Sous Linux, autorisez-la avec une règle udev : mettez SUBSYSTEM=="usb", ATTR{idVendor}=="{{vendor}}", ATTR{idProduct}=="{{product}}", MODE="0666" dans /etc/udev/rules.d/99-packdesk-printer.rules, lancez "sudo udevadm control --reload-rules", puis débranchez et rebranchez l’imprimante.',
  'printer.usb.busy':
    'L’imprimante USB {{printer}} est prise par un autre pilote ou programme (le pilote d’impression du système / le backend usb de CUPS). Utilisez sa file d’impression, ou libérez-la (fermez ce programme ou retirez l’imprimante du système) et réessayez.',
  'printer.usb.driver':
    'L’imprimante USB {{printer}} passe par le pilote d’impression du système, que le poste ne peut pas utiliser. Sous Windows, installez le pilote WinUSB avec Zadig, ou utilisez sa file d’impression.',
  'printer.usb.cannotOpen': 'Impossible d’ouvrir l’imprimante USB {{printer}} ({{detail}}).',
  'printer.usb.noLibrary':
    'L’impression USB n’est pas possible sur cet ordinateur : la bibliothèque USB ne s’est pas chargée ({{detail}}). Imprimez via la file d’impression du système.',
  'printer.usb.cannotList': 'Le poste n’a pas pu lister les appareils USB ({{detail}}).',
  'printer.usb.notPrinter':
    'L’appareil USB {{printer}} n’est pas une imprimante (il n’a pas d’interface imprimante).',
  'printer.usb.noEndpoint':
    'L’imprimante USB {{printer}} n’a pas de point d’accès pour recevoir les données.',
  'printer.usb.unpluggedMidJob':
    'L’imprimante USB {{printer}} a été débranchée en cours de travail ; l’étiquette est peut-être à moitié imprimée. Rebranchez-la et imprimez à nouveau l’étiquette.',
  'printer.usb.stoppedTaking':
    'L’imprimante USB {{printer}} ne prend plus de données. Vérifiez le papier, un bourrage ou une tête ouverte.',
  'printer.usb.stalled':
    'L’imprimante USB {{printer}} a refusé les données (point d’accès USB bloqué). Éteignez-la puis rallumez-la.',
  'printer.usb.failedMidTransfer':
    'L’imprimante USB {{printer}} a échoué pendant l’envoi ({{detail}}).',
  'printer.usb.noAnswer': 'L’imprimante USB {{printer}} n’a pas répondu à {{command}}.',

  'printer.spooler.nothingAnswered': 'pas de réponse de {{server}} ({{reason}})',
  'printer.spooler.notFound':
    'Aucun service d’impression du système trouvé : {{problem}}. CUPS tourne-t-il ?',
  'printer.spooler.refused':
    'Le service d’impression à {{server}} a refusé la demande (HTTP {{status}}).',
  'printer.spooler.notIpp':
    'Le service d’impression à {{server}} a envoyé une réponse qui n’est pas de l’IPP.',
  'printer.spooler.listRefused':
    'Le service d’impression à {{server}} a refusé de lister ses files ({{status}}).',
  'printer.queue.missing':
    'La file d’impression « {{queue}} » n’existe pas sur {{server}}. Choisissez à nouveau l’imprimante dans la configuration.',
  'printer.queue.describeRefused':
    'Le service d’impression a refusé de décrire « {{queue}} » ({{status}}).',
  'printer.queue.jobCancelled': 'La file « {{queue}} » a annulé le travail.',
  'printer.queue.jobCancelled.detail': 'La file « {{queue}} » a annulé le travail ({{detail}}).',
  'printer.queue.jobAborted': 'La file « {{queue}} » a interrompu le travail.',
  'printer.queue.jobAborted.detail': 'La file « {{queue}} » a interrompu le travail ({{detail}}).',
  'printer.queue.stuck':
    'Le travail était encore dans la file « {{queue}} » après {{seconds}} s, il a donc été annulé. Vérifiez que l’imprimante est allumée et branchée, puis imprimez à nouveau.',
  'printer.queue.stuck.detail':
    'Le travail était encore dans la file « {{queue}} » après {{seconds}} s ({{detail}}), il a donc été annulé. Vérifiez que l’imprimante est allumée et branchée, puis imprimez à nouveau.',
  'printer.queue.rejecting':
    'La file « {{queue}} » n’accepte pas de travaux. Activez-la dans les réglages d’impression du système (cupsaccept {{queue}}).',
  'printer.queue.paused':
    'La file « {{queue}} » est en pause. Relancez-la dans les réglages d’impression du système (cupsenable {{queue}}).',
  'printer.queue.paused.detail':
    'La file « {{queue}} » est en pause ({{detail}}). Relancez-la dans les réglages d’impression du système (cupsenable {{queue}}).',
  'printer.queue.stoppedAnswering':
    'Le service d’impression a cessé de répondre en prenant le travail pour « {{queue}} » ({{reason}}). Vérifiez la file avant d’imprimer à nouveau.',
  'printer.queue.notAccepting': 'La file « {{queue}} » n’accepte pas de travaux.',
  'printer.queue.refusedJob': 'La file « {{queue}} » a refusé le travail ({{status}}).',
  'printer.queue.noJobId': 'La file « {{queue}} » n’a pas donné de numéro au travail.',

  'printer.windows.reportsOffline':
    'Windows indique l’imprimante hors ligne. Vérifiez qu’elle est allumée et branchée.',
  'printer.windows.noPowershell':
    'Windows PowerShell n’a pas pu démarrer ({{code}}) ; les files d’impression Windows ne marchent que sous Windows.',
  'printer.windows.noAnswer':
    'Le spouleur Windows n’a pas répondu au sujet de « {{queue}} » en {{seconds}} s.',
  'printer.windows.noQueue':
    'La file d’impression Windows « {{queue}} » n’existe pas. Choisissez à nouveau l’imprimante dans la configuration.',
  'printer.windows.noQueueNamed': '« {{address}} » ne nomme aucune file d’impression Windows.',
  'printer.windows.spoolerDown':
    'Le spouleur d’impression Windows ne tourne pas. Démarrez le service « Spouleur d’impression ».',
  'printer.windows.spoolerDown.detail':
    'Le spouleur d’impression Windows ne tourne pas ({{detail}}). Démarrez le service « Spouleur d’impression ».',
  'printer.windows.refused': 'Windows a refusé le travail pour « {{queue}} ».',
  'printer.windows.refused.detail': 'Windows a refusé le travail pour « {{queue}} » : {{detail}}.',
  'printer.windows.stuck':
    'Le travail était encore dans la file Windows « {{queue}} » après {{seconds}} s, il a donc été annulé. Vérifiez que l’imprimante est allumée et branchée, puis imprimez à nouveau.',
  'printer.windows.stuck.detail':
    'Le travail était encore dans la file Windows « {{queue}} » après {{seconds}} s ({{detail}}), il a donc été annulé. Vérifiez que l’imprimante est allumée et branchée, puis imprimez à nouveau.',
  'printer.windows.powershellFailed':
    'PowerShell a échoué en imprimant sur « {{queue}} » (code {{exit}}) : {{detail}}.',
  'printer.windows.noSumatra':
    'Imprimer des PDF sur la file Windows « {{queue}} » demande SumatraPDF, qui n’est pas installé. Installez-le depuis sumatrapdfreader.org, ou utilisez une imprimante dont le pilote accepte directement le PDF.',
  'printer.windows.didNotFinish': 'il ne s’est pas terminé',
  'printer.windows.sumatraFailed': 'SumatraPDF n’a pas pu imprimer sur « {{queue}} » ({{why}}).',
  'printer.windows.notDescribed': 'Windows n’a pas décrit « {{queue}} ».',
  'printer.windows.notJson': 'Get-Printer a renvoyé une réponse qui n’est pas du JSON.',

  'printer.discovery.noUsb': 'Aucune imprimante USB n’est branchée.',
  'printer.discovery.usbFailed': 'Impossible de chercher en USB : {{problem}}',
  'printer.discovery.noQueues': 'Le service d’impression du système n’a aucune file.',
  'printer.discovery.fact.zpl': 'Imprimante d’étiquettes ZPL',
  'printer.discovery.fact.usb': 'Imprimante USB',
  'printer.discovery.fact.serial': 'n° de série {{serial}}',
  'printer.discovery.fact.raw': 'file brute (sans pilote)',
  'printer.discovery.fact.text': '{{text}}',
  'printer.discovery.queueRejecting': 'La file n’accepte pas de travaux.',

  'printer.testPage.fault':
    '{{faults}} : la page de test est dans l’imprimante et sortira une fois le problème réglé.',
  'printer.testPage.noStatus':
    'L’imprimante a pris la page mais ne donne pas son état : vérifiez qu’elle est sortie.',

  'printer.warning.dpiMismatch':
    'Cette étiquette est en ZPL {{labelDpi}} dpi mais l’imprimante est en {{printerDpi}} dpi : imprimée depuis une image redessinée à la bonne taille.',
  'printer.warning.zplOnPdfA6':
    'Cette étiquette est en ZPL mais l’imprimante imprime du PDF : imprimée depuis une image de l’étiquette, ajustée au format A6.',
  'printer.warning.zplOnPdfA4':
    'Cette étiquette est en ZPL mais l’imprimante imprime du PDF : imprimée depuis une image de l’étiquette, ajustée à un quart de A4.',

  'printer.label.unknownFormat':
    'Sendcloud a renvoyé une étiquette qui n’est ni du ZPL ni du PDF. Rien n’a été envoyé à l’imprimante.',
  'printer.label.notZpl':
    'Le fichier d’étiquette n’est pas du ZPL : il manque la commande de début ^XA.',
  'printer.label.notPdf': 'L’étiquette n’est pas un fichier PDF lisible.',
  'printer.label.unrenderable':
    'L’étiquette ZPL ne peut pas être dessinée à la résolution de cette imprimante.',
  'printer.label.noPage': 'Le PDF de l’étiquette n’a pas de page {{page}}.',
  'printer.label.pageUnreadable': 'La page {{page}} du PDF de l’étiquette est illisible.',
  'printer.label.noPages': 'Le PDF de l’étiquette n’a aucune page.',
  'printer.label.zplCutOff':
    'Les étiquettes ZPL s’arrêtent au milieu d’une étiquette : son début ^XA n’a pas de fin ^XZ.',
};
