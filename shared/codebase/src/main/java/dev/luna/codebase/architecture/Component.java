package dev.luna.codebase.architecture;

import java.util.Comparator;
import java.util.List;

/**
 * A unit of the architecture: a Java package, or a source directory of another language.
 *
 * @param id        stable key: the package name, or the directory ("." for the root)
 * @param name      short display name: the id without the prefix every component shares
 * @param language  the dominant language of its files
 * @param container the build module (its root, "" for the project root) that holds it
 * @param layer     the layer it belongs to (see {@link Layer})
 * @param files     its source files, sorted
 * @param lines     lines in those files
 * @param types     Java types declared (top-level and nested), 0 for other languages
 * @param abstractTypes interfaces and abstract classes among them
 */
public record Component(String id, String name, String language, String container, Layer layer, List<String> files, long lines,
                        int types, int abstractTypes) {
    public static final Comparator<Component> ORDER = Comparator.comparing(Component::id);

    public Component {
        files = List.copyOf(files);
    }
}
