/** `PRAGMA application_id` of a Session Recovery Lab runs database: "SRLb" in ASCII. */
export const APPLICATION_ID = 0x53524c62;
