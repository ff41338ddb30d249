class Db {
    // ruleid: secret-connection-string-password
    const string Conn = "Server=sql.internal;Database=app;User Id=app;Password=iGOI2r32dPabOgM;";
    // ok: secret-connection-string-password
    const string Site = "https://example.com:8443/path";
}
