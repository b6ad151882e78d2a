// Service points: the point a label goes to, and the replacements offered. Said by main and shown by the renderer.
export const servicePoints = {
  'servicePoints.error.closed':
    'Order {{order}}: service point {{point}} is closed. Pick another point for the label.',
  'servicePoints.error.unknown':
    'Order {{order}}: Sendcloud does not know service point {{point}}. Pick another point for the label.',
  'servicePoints.error.notWaiting': 'Order {{order}} is not waiting for a service point.',
  'servicePoints.error.choose': 'Pick a service point, or home delivery.',
  'servicePoints.error.homeNotAllowed':
    'This account does not ship service-point orders to the customer’s address.',
  'servicePoints.error.noHomeOption': '{{carrier}} has no home delivery to this address.',
  'servicePoints.ui.point': 'Service point',
  'servicePoints.ui.pointLine':
    '{{carrier}} · {{name}}, {{street}} {{number}}, {{postcode}} {{city}} (point {{id}})',
  'servicePoints.ui.offers': 'Nearest open points of {{carrier}}',
  'servicePoints.ui.looking': 'Looking for open points nearby…',
  'servicePoints.ui.none': 'No open point of this carrier nearby.',
  'servicePoints.ui.distance': '{{km}} km',
  'servicePoints.ui.home': 'Deliver to the customer’s address instead',
  'servicePoints.ui.keys': '↑ ↓ to move, Enter or a digit to pick',
  'servicePoints.ui.allowHome': 'Ship service-point orders home when their point is closed',
} as const;
