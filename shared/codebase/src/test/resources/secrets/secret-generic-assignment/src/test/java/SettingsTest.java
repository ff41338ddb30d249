class SettingsTest {
    // ok: secret-generic-assignment
    String password = "tXrj1K5O1tuFvh3O9J";
}
