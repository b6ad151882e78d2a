// What Sendcloud said, in a packer's words (its own detail is a parameter).
export const sendcloud = {} as const;
