/** Pack station methods; filled in by the pack-station work. */
export const packMethods = {} as const;
