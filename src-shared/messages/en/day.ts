// The supervisor's day, as main says it: exceptions, the hand-over list and its refusals.
export const day = {
  'day.exception.needsAttention': 'This label stopped and needs someone to decide.',
  'day.exception.stale': 'This label waited long and asks before it prints.',
  'day.exception.failed': 'This scan failed.',
  'day.exception.voided': 'The label was voided.',
  'day.exception.reprinted': 'The label was printed again.',
  'day.handover.noParcels': 'There are no {{carrier}} parcels on {{day}} to hand over.',
  'day.handover.noA4Printer':
    'No printer takes A4 documents: choose one under Printers, or save the list instead.',
  'day.handover.pdf.title': 'Hand-over list {{carrier}} {{day}}',
  'day.handover.pdf.heading': 'Hand-over list: {{carrier}}',
  'day.handover.pdf.day': 'Day: {{day}}',
  'day.handover.pdf.station': 'Station: {{station}}',
  'day.handover.pdf.parcels_one': '{{count}} parcel',
  'day.handover.pdf.parcels_other': '{{count}} parcels',
  'day.handover.pdf.page': 'Page {{page}} of {{pages}}',
  'day.handover.pdf.received_one': 'Received {{count}} parcel in good order.',
  'day.handover.pdf.received_other': 'Received {{count}} parcels in good order.',
  'day.handover.pdf.driver': "Driver's name",
  'day.handover.pdf.signature': "Driver's signature and time",
} as const;
