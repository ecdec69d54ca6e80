package cn.carbonmarket.platform.asyncapi;

import cn.carbonmarket.contracts.event.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every {@link EventType} constant of the contracts' event package, found by scanning its classes rather than listed
 * by hand, so that a new event type is checked without anyone remembering to add it here.
 */
final class EventCatalogue {

    private static final String PACKAGE = EventType.class.getPackageName().replace('.', '/') + "/";

    private EventCatalogue() {
    }

    static List<EventType<?>> all() {
        List<EventType<?>> types = new ArrayList<>();
        for (String className : classNames()) {
            types.addAll(constantsOf(className));
        }
        types.sort(Comparator.comparing(EventType::name));
        return types;
    }

    private static List<EventType<?>> constantsOf(String className) {
        List<EventType<?>> found = new ArrayList<>();
        try {
            for (Field field : Class.forName(className).getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (field.getType() == EventType.class && Modifier.isStatic(modifiers)) {
                    field.setAccessible(true);
                    found.add((EventType<?>) field.get(null));
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the event types of " + className, e);
        }
        return found;
    }

    /** The top-level and nested classes of the event package, from the contracts' jar or classes directory. */
    private static List<String> classNames() {
        try {
            Path location = Path.of(EventType.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return entries(location).stream()
                    .filter(name -> name.startsWith(PACKAGE) && name.endsWith(".class"))
                    .filter(name -> name.indexOf('/', PACKAGE.length()) < 0)
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> entries(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                return files.map(path -> location.relativize(path).toString().replace('\\', '/')).toList();
            }
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return jar.stream().map(JarEntry::getName).toList();
        }
    }
}
