import type { uiAccounts as english } from '../en/ui-accounts';
import type { Translation } from '../translation';

export const uiAccounts: Translation<typeof english> = {
  'ui.accounts.title': 'Sendcloud-Konten',
  'ui.accounts.readFailed': 'Konten nicht lesbar: {{reason}}',
  'ui.accounts.empty': 'Noch kein Sendcloud-Konto: Scans warten, bis eins hinzugefügt ist.',
  'ui.accounts.emptyDemo':
    'Der Demomodus arbeitet mit dem eingebauten Sendcloud; für echten Versand ein echtes Konto hinzufügen.',
  'ui.accounts.onboarding.intro':
    'Packdesk erstellt Etiketten mit Ihrem Sendcloud-Konto. Einmal hinzufügen; ein Marktplatz kann danach unter <strong>Konten</strong> die Konten seiner Händler ergänzen. Gescannt werden kann, sobald ein Konto da ist.',
  'ui.accounts.state.connected': 'Verbunden',
  'ui.accounts.state.reconnect': 'Neu verbinden',
  'ui.accounts.state.locked': 'Schlüsselbund gesperrt',
  'ui.accounts.problem.reconnect': 'muss neu verbunden werden',
  'ui.accounts.problem.reconnectAdvice':
    'Sendcloud nimmt die Schlüssel nicht mehr an (im Sendcloud-Panel geändert oder widerrufen).',
  'ui.accounts.problem.locked': 'Schlüssel nicht lesbar',
  'ui.accounts.problem.lockedAdvice':
    'Der Schlüsselbund dieses Computers hat die Schlüssel nicht herausgegeben.',
  'ui.accounts.testMode': 'Testmodus',
  'ui.accounts.testModeHint': 'Testmodus (kostenlose, unfrankierte Briefe, nichts wird bezahlt)',
  'ui.accounts.fixed':
    'Mit PACKDESK_SENDCLOUD_* auf diesem Computer festgelegt: dort ändern, nicht hier.',
  'ui.accounts.row.integration': 'Integration #{{id}} · API {{api}}',
  'ui.accounts.row.sender': 'Absenderadresse #{{id}}',
  'ui.accounts.row.brand': 'Marke #{{id}}',
  'ui.accounts.row.shipsWith': 'Versendet mit {{option}}, außer die Bestellung sagt etwas anderes.',
  'ui.accounts.row.shipsAsOrder':
    'Versendet wie die Bestellung oder die Regeln des Kontos es sagen.',
  'ui.accounts.failed.update': 'Konto nicht geändert: {{reason}}',
  'ui.accounts.failed.remove': 'Konto nicht entfernt: {{reason}}',
  'ui.accounts.failed.reconnect': 'Neu verbinden ging nicht: {{reason}}',
  'ui.accounts.remove.confirmLabel': 'Entfernen von {{name}} bestätigen',
  'ui.accounts.remove.confirm': 'Konto entfernen',
  'ui.accounts.remove.question':
    '{{name}} entfernen? Die Schlüssel werden aus dem Schlüsselbund dieses Computers gelöscht, und Etiketten, die noch darauf warten, werden nicht erstellt.',
  'ui.accounts.reconnect': 'Neu verbinden',
  'ui.accounts.reconnect.label': '{{name}} neu verbinden',
  'ui.accounts.reconnect.hint':
    'Neue Schlüssel für {{name}}, aus <strong>Einstellungen → Integrationen</strong> im Sendcloud-Panel. Wartende Etiketten werden erstellt, sobald Sendcloud sie annimmt.',
  'ui.accounts.edit.label': '{{name}} bearbeiten',
  'ui.accounts.edit.shippingCode': 'Code der Standard-Versandoption',
  'ui.accounts.edit.shippingPlaceholder': 'leer: die der Bestellung',
  'ui.accounts.keys.public': 'Öffentlicher Schlüssel',
  'ui.accounts.keys.secret': 'Geheimer Schlüssel',
  'ui.accounts.keys.check': 'Schlüssel prüfen',
  'ui.accounts.keys.checking': 'Wird bei Sendcloud geprüft…',
  'ui.accounts.keys.change': 'Andere Schlüssel',
  'ui.accounts.keys.refused':
    'Sendcloud nimmt diese Schlüssel nicht an. Bitte erneut aus Einstellungen → Integrationen im Sendcloud-Panel kopieren.',
  'ui.accounts.keys.unreachable': 'Sendcloud nicht erreichbar: {{reason}}',
  'ui.accounts.form.nameMissing': 'Dem Konto einen Namen geben.',
  'ui.accounts.form.nameTaken': 'Es gibt schon ein Konto namens „{{name}}“.',
  'ui.accounts.form.nameTakenNew':
    'Es gibt schon ein Konto namens „{{name}}“: diesem einen anderen Namen geben.',
  'ui.accounts.form.noIntegration':
    'Dieses Sendcloud-Konto hat keine API-Integration: unter Einstellungen → Integrationen im Sendcloud-Panel eine anlegen, dann die Schlüssel erneut prüfen.',
  'ui.accounts.add.title': 'Sendcloud-Konto hinzufügen',
  'ui.accounts.add.keys': 'Sendcloud-Schlüssel',
  'ui.accounts.add.step1':
    'Schritt 1 von 2: die API-Schlüssel der Integration, aus <strong>Einstellungen → Integrationen</strong> im Sendcloud-Panel. Sie werden nur im Schlüsselbund dieses Computers gespeichert.',
  'ui.accounts.add.settings': 'Kontoeinstellungen',
  'ui.accounts.add.step2':
    'Schritt 2 von 2: Sendcloud hat die Schlüssel angenommen. Wählen, wie diese Station damit versendet.',
  'ui.accounts.add.integration': 'Integration',
  'ui.accounts.add.noIntegration': 'Keine API-Integration',
  'ui.accounts.add.sender': 'Absenderadresse',
  'ui.accounts.add.senderDefault': 'Die Standardadresse in Sendcloud',
  'ui.accounts.add.brand': 'Marke (optional)',
  'ui.accounts.add.noBrand': 'Keine Marke',
  'ui.accounts.add.shipping': 'Standard-Versandoption (optional)',
  'ui.accounts.add.shippingDefault': 'Die der Bestellung oder die Versandregeln des Kontos',
  'ui.accounts.add.api': 'Sendcloud-API',
  'ui.accounts.add.apiV3': 'v3 (Standard)',
  'ui.accounts.add.apiV2': 'v2 — nur für Konten, die vor dem 13. April 2026 angelegt wurden',
  'ui.accounts.add.submit': 'Konto hinzufügen',
  'ui.accounts.add.done':
    '{{name}} hinzugefügt. Die Bestellungen werden jetzt aus Sendcloud geholt; scannen, sobald sie erscheinen.',
  'ui.accounts.merchants.title': 'Händler',
  'ui.accounts.merchants.readFailed': 'Händler nicht lesbar: {{reason}}',
  'ui.accounts.merchants.reading': 'Händler werden gelesen…',
  'ui.accounts.merchants.empty':
    'Keine Händler: jede Bestellung geht mit ihrem eigenen Konto. Ein Marktplatz legt hier seine Händler an.',
  'ui.accounts.merchant.orders': 'Bestellungen',
  'ui.accounts.merchant.mode.centralised': 'Zentral',
  'ui.accounts.merchant.mode.decentralised': 'Dezentral',
  'ui.accounts.merchant.modeDetail.centralised': 'Etiketten über das Konto des Marktplatzes',
  'ui.accounts.merchant.modeDetail.decentralised':
    'Bestellungen gehen an das eigene Sendcloud-Konto des Händlers, hier kein Etikett',
  'ui.accounts.merchant.accountGone': 'sein Konto ist hier nicht mehr eingerichtet',
  'ui.accounts.merchant.remove.confirmLabel': 'Entfernen von {{name}} bestätigen',
  'ui.accounts.merchant.remove.confirm': 'Händler entfernen',
  'ui.accounts.merchant.remove.question':
    '{{name}} entfernen? Seine Bestellungen gehen dann wie alle anderen, und er steht nicht mehr im Abrechnungsexport.',
  'ui.accounts.merchant.remove.failed': 'Händler nicht entfernt: {{reason}}',
  'ui.accounts.merchant.addTitle': 'Händler hinzufügen',
  'ui.accounts.merchant.editTitle': '{{name}} bearbeiten',
  'ui.accounts.merchant.prefix': 'Präfix der Bestellnummer',
  'ui.accounts.merchant.prefixPlaceholder': 'z. B. ACME-',
  'ui.accounts.merchant.how': 'Wie seine Bestellungen versendet werden',
  'ui.accounts.merchant.account': 'Konto des Händlers',
  'ui.accounts.merchant.chooseAccount': 'Konto wählen…',
  'ui.accounts.merchant.addSubmit': 'Händler hinzufügen',
  'ui.accounts.merchant.added': '{{name}} hinzugefügt.',
  'ui.accounts.merchant.nameMissing': 'Dem Händler einen Namen geben.',
  'ui.accounts.merchant.nameTaken': 'Es gibt schon einen Händler namens „{{name}}“.',
  'ui.accounts.merchant.prefixMissing':
    'Präfix der Bestellnummern dieses Händlers angeben, z. B. ACME-.',
  'ui.accounts.merchant.prefixChars':
    'Ein Präfix besteht nur aus Buchstaben, Ziffern und Satzzeichen.',
  'ui.accounts.merchant.prefixTaken':
    'Die Bestellungen von {{name}} beginnen schon mit „{{prefix}}“.',
  'ui.accounts.merchant.accountMissing':
    'Das eigene Sendcloud-Konto des Händlers wählen (vorher oben hinzufügen).',
  'ui.accounts.billing.title': 'Abrechnungsexport',
  'ui.accounts.billing.from': 'Von',
  'ui.accounts.billing.to': 'bis',
  'ui.accounts.billing.submit': 'Abrechnung als CSV exportieren',
  'ui.accounts.billing.exporting': 'Wird exportiert…',
  'ui.accounts.billing.failed': 'Export fehlgeschlagen: {{reason}}',
  'ui.accounts.billing.fromMissing': 'Ersten Tag wählen.',
  'ui.accounts.billing.toMissing': 'Letzten Tag wählen.',
  'ui.accounts.billing.backwards': 'Der letzte Tag liegt vor dem ersten.',
  'ui.accounts.billing.empty':
    'In diesen Tagen wurden keine Etiketten erstellt: {{filename}} hat keine Zeilen.',
  'ui.accounts.billing.exported_one': '{{count}} Zeile nach {{filename}} exportiert.',
  'ui.accounts.billing.exported_other': '{{count}} Zeilen nach {{filename}} exportiert.',
};
