// Customs: what a parcel outside the EU needs, and its documents. Said by main and shown by the renderer.
export const customs = {
  'customs.item.noDescription': 'Item {{item}} has no description: customs need one.',
  'customs.item.noQuantity': 'Item {{item}}, {{name}}: no quantity.',
  'customs.item.noWeight': 'Item {{item}}, {{name}}: no weight.',
  'customs.item.noValue': 'Item {{item}}, {{name}}: no value.',
  'customs.item.noHsCode': 'Item {{item}}, {{name}}: no HS code.',
  'customs.item.noOrigin': 'Item {{item}}, {{name}}: no country of origin.',
  'customs.parcel.noWeight':
    'Order {{order}} has no weight, neither on the order nor on every item: a label is never made for 0 kg.',
  'customs.documents.waitForA4':
    'The customs documents wait for an A4 printer: set one up under Printers.',
  'customs.documents.error.noA4': 'No A4 printer is set up.',
  'customs.scan.printed': 'Label + customs documents printed',
  'customs.scan.documentsWaiting': 'Label printed, customs documents waiting',
  'customs.scan.documentsPrinting': 'Label printed, printing the customs documents',
  'customs.copies.title': 'Customs documents',
  'customs.copies.help':
    'Copies of the customs declaration (and air waybill) each carrier needs, printed on the A4 printer.',
  'customs.copies.carrier': 'Copies for {{carrier}}',
} as const;
