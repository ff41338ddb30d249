package demo;

import java.util.ArrayList;
import java.util.List;

public class Orders {
    private int unused;
    private final List<String> items = new ArrayList<>();

    public String first(String key) {
        try {
            return items.get(0);
        } catch (IndexOutOfBoundsException e) {
        }
        return null;
    }

    public boolean same(String a, String b) {
        return a == b;
    }

    @SuppressWarnings("finally")
    public int settle() {
        try {
            return 1;
        } finally {
            return 2;
        }
    }

    public boolean isEmpty() {
        return items.size() == 0;
    }
}
