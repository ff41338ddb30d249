// ruleid: secret-gcp-api-key
const MAPS_KEY = "AIzaT-IN8o_SVeHqaIUaTGo0_iSCRXoyU7nqTLV";
// ok: secret-gcp-api-key
const PLACEHOLDER = "AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";
// ok: secret-gcp-api-key
const notAKey = "AIza-too-short";
