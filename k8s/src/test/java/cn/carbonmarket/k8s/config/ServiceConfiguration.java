package cn.carbonmarket.k8s.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's configuration as a profile sees it, read from the files as SmallRye Config reads them: the service's
 * application.properties (ordinal 250) over the platform's shared META-INF/microprofile-config.properties (100). The
 * source of the highest ordinal that has a key decides it, and within that source {@code %profile.key} wins over
 * {@code key}; {@code %a,b.key} belongs to both profiles. The environment is left out: what the configuration asks of
 * it is the question.
 */
public final class ServiceConfiguration {

    public static final List<String> SERVICES = List.of("registry", "allocation", "trading", "settlement");
    private static final Path PLATFORM = Path.of("platform/src/main/resources/META-INF/microprofile-config.properties");

    private final String profile;
    private final List<Properties> sources; // highest ordinal first

    private ServiceConfiguration(String profile, List<Properties> sources) {
        this.profile = profile;
        this.sources = sources;
    }

    /** The configuration of {@code <service>-service} in this profile. */
    public static ServiceConfiguration of(String service, String profile) {
        return new ServiceConfiguration(profile, List.of(
                load(Path.of(service + "-service/src/main/resources/application.properties")), load(PLATFORM)));
    }

    /** Every key the profile sees, without its profile prefix. */
    public Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        for (Properties source : sources) {
            for (String key : source.stringPropertyNames()) {
                unprofiled(key).ifPresent(keys::add);
            }
        }
        return keys;
    }

    /** The raw value of a key (expressions not expanded), if the profile has one. */
    public Optional<String> value(String key) {
        for (Properties source : sources) {
            Optional<String> profiled = source.stringPropertyNames().stream()
                    .filter(candidate -> candidate.startsWith("%") && unprofiled(candidate).filter(key::equals).isPresent())
                    .map(source::getProperty)
                    .findFirst();
            if (profiled.isPresent()) {
                return profiled;
            }
            if (source.containsKey(key)) {
                return Optional.of(source.getProperty(key));
            }
        }
        return Optional.empty();
    }

    /**
     * The environment variables this profile cannot start without: every {@code ${NAME}} without a default, in any
     * value, whose NAME is no key of the configuration (SmallRye then reads the environment: NAME itself, or its
     * upper-case form with every other character an underscore).
     */
    public Set<String> requiredEnvironment() {
        Set<String> required = new TreeSet<>();
        for (String key : keys()) {
            for (Expression expression : Expression.parse(value(key).orElseThrow())) {
                expression.requiredNames().stream()
                        .filter(name -> value(name).isEmpty())
                        .map(ServiceConfiguration::environmentName)
                        .forEach(required::add);
            }
        }
        return required;
    }

    /**
     * The literal text a key's value resolves to once every {@code ${...}} the configuration can answer is expanded;
     * what only the environment answers stays an expression. Used to see whether a URL names a host itself.
     */
    public String expanded(String key) {
        StringBuilder text = new StringBuilder();
        for (Expression part : Expression.parse(value(key).orElseThrow())) {
            text.append(part.literal() != null ? part.literal()
                    : value(part.name()).isPresent() ? expanded(part.name())
                    : part.defaultValue() != null ? part.defaultValue()
                    : "${" + part.name() + "}");
        }
        return text.toString();
    }

    static String environmentName(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private Optional<String> unprofiled(String key) {
        if (!key.startsWith("%")) {
            return Optional.of(key);
        }
        int dot = key.indexOf('.');
        List<String> profiles = List.of(key.substring(1, dot).split(","));
        return profiles.contains(profile) ? Optional.of(key.substring(dot + 1)) : Optional.empty();
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * A piece of a value: literal text, or {@code ${name}} / {@code ${name:default}} whose default may hold more
     * expressions.
     */
    record Expression(String literal, String name, String defaultValue) {

        static List<Expression> parse(String value) {
            List<Expression> parts = new ArrayList<>();
            int i = 0;
            while (i < value.length()) {
                int start = value.indexOf("${", i);
                if (start < 0) {
                    parts.add(new Expression(value.substring(i), null, null));
                    break;
                }
                if (start > i) {
                    parts.add(new Expression(value.substring(i, start), null, null));
                }
                int end = closing(value, start + 2);
                String body = value.substring(start + 2, end);
                int colon = topLevelColon(body);
                parts.add(colon < 0 ? new Expression(null, body, null)
                        : new Expression(null, body.substring(0, colon), body.substring(colon + 1)));
                i = end + 1;
            }
            return parts;
        }

        /** The names this piece needs answered: its own without a default, and those its default needs. */
        Set<String> requiredNames() {
            Set<String> names = new TreeSet<>();
            if (name != null && defaultValue == null) {
                names.add(name);
            }
            if (defaultValue != null) {
                parse(defaultValue).forEach(part -> names.addAll(part.requiredNames()));
            }
            return names;
        }

        private static int closing(String value, int from) {
            int depth = 1;
            for (int i = from; i < value.length(); i++) {
                if (value.startsWith("${", i)) {
                    depth++;
                    i++;
                } else if (value.charAt(i) == '}' && --depth == 0) {
                    return i;
                }
            }
            throw new IllegalArgumentException("unclosed ${ in " + value);
        }

        private static int topLevelColon(String body) {
            int depth = 0;
            for (int i = 0; i < body.length(); i++) {
                if (body.startsWith("${", i)) {
                    depth++;
                    i++;
                } else if (body.charAt(i) == '}') {
                    depth--;
                } else if (body.charAt(i) == ':' && depth == 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}
