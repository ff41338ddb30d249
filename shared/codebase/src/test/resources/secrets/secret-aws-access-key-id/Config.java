package demo;

class Config {
    // ruleid: secret-aws-access-key-id
    static final String ACCESS_KEY = "AKIA2R3C2OR5F7JLVUOX";
    String session = "ASIARREULMCCXO7TNSGK"; // ruleid: secret-aws-access-key-id
    // ok: secret-aws-access-key-id
    static final String DOCUMENTED = "AKIAIOSFODNN7EXAMPLE";
    // ok: secret-aws-access-key-id
    static final String TOO_SHORT = "AKIAOXM7HVNVDO";
    // ok: secret-aws-access-key-id
    static final String LOWER = "akiahz4nhyy5zipzeis5";
}
