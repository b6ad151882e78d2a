// Several boxes (multicollo): one shipment, one label per box. Said by main and shown by the renderer.
export const boxes = {
  'boxes.error.noWeight':
    'Order {{order}} has no known weight to split over its boxes: set the weight in the shop, then scan it again.',
  'boxes.step.printing': 'Printing label {{nr}} of {{count}}…',
  'boxes.step.printed': '{{labels}} labels printed',
  'boxes.applied': 'Order {{order}} ships in {{boxes}} boxes.',
  'boxes.next.title': 'Next label',
  'boxes.next.boxes': '{{boxes}} boxes',
  'boxes.next.until': 'Until the next order’s label uses it.',
  'boxes.next.set': 'Boxes (Alt+B)',
  'boxes.next.clear': 'Clear',
  'boxes.next.field': 'Number of boxes',
  'boxes.next.hint': 'Enter to set, Escape to close',
  'boxes.next.failed': 'Not set: {{reason}}',
  'boxes.void.all':
    'This label is box {{nr}} of {{count}}: voiding it cancels all {{count}} labels of the shipment in Sendcloud.',
  'boxes.row.box': 'Box {{nr}}/{{count}}',
} as const;
