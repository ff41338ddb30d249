package fixtures.cmdi;

interface ThingInterface {
    String process(String s);
}

class Thing implements ThingInterface {
    @Override
    public String process(String s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s);
        return sb.toString();
    }
}
