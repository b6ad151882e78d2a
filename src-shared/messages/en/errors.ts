// What a packer reads when something fails, by the app-wide error codes.
export const errors = {
  'error.invalidInput': 'This input cannot be used: {{detail}}',
  'error.internal': 'Something went wrong inside the station. See the log.',
} as const;
