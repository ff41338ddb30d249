package dev.luna.llm;

/** How to reach one provider: its API key (never logged) and base URL. */
record ProviderConfig(String provider, String apiKey, String baseUrl) {
    @Override
    public String toString() {
        return "ProviderConfig[" + provider + ", baseUrl=" + baseUrl + ", key=" + (apiKey == null || apiKey.isBlank() ? "none" : "set") + "]";
    }
}
