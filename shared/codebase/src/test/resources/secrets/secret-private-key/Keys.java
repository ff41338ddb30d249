class Keys {
    // ruleid: secret-private-key
    static final String KEY = "-----BEGIN PRIVATE KEY-----\nSfI6Zmg2TLiPUcfve+SgquA7Sd0ZRDI8UKLZaK09IFJSxP/zuLiMFqWcqU6R9f1J\nkgjXes0d7wNN+JyFHKUBlwzW825EjoUBuRrkLso33nu+5oOIGBuV/U4XRLeX3/Jj\n3YmDd31KgQhbkVXMAFwYYy+wcboUVlvgBVNzgsqrPi2kUKA8K/NtjVKBUZkPsEL/\ndaw6C24e5uAzmnT1fVKyDL+1l9RhNCKrK/yveLSC9aq9HWQr6jf5Ur8PZ6itPK9e\n-----END PRIVATE KEY-----\n";
    // ok: secret-private-key
    static final String PUBLIC = "-----BEGIN PUBLIC KEY-----\nSfI6Zmg2TLiPUcfve+SgquA7Sd0ZRDI8UKLZaK09IFJSxP/zuLiMFqWcqU6R9f1J\nkgjXes0d7wNN+JyFHKUBlwzW825EjoUBuRrkLso33nu+5oOIGBuV/U4XRLeX3/Jj\n3YmDd31KgQhbkVXMAFwYYy+wcboUVlvgBVNzgsqrPi2kUKA8K/NtjVKBUZkPsEL/\ndaw6C24e5uAzmnT1fVKyDL+1l9RhNCKrK/yveLSC9aq9HWQr6jf5Ur8PZ6itPK9e\n-----END PUBLIC KEY-----\n";
    // ok: secret-private-key
    static final String DOC = "-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----";
}
