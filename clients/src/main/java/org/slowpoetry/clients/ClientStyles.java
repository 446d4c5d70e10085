package org.slowpoetry.clients;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slowpoetry.cli.UserException;

/**
 * Finds {@link ClientStyle} plugins, listed in
 * {@code META-INF/services/org.slowpoetry.clients.ClientStyle} of any jar on the class path.
 *
 * {@snippet :
 * ClientStyle style = ClientStyles.find("select");
 * List<TaskOutcome> outcomes = style.fetch(addresses, ClientRun.printingTo(System.out));
 * }
 *
 * <p><b>Threading:</b> thread-safe; each call loads the plugins afresh (styles are cheap, stateless
 * objects).
 */
public final class ClientStyles {
    private ClientStyles() {
    }

    /** Every style on the class path, sorted by name. */
    public static List<ClientStyle> all() {
        return ServiceLoader.load(ClientStyle.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(ClientStyle::name))
                .toList();
    }

    /** The names of {@link #all()}, in the same order. */
    public static List<String> names() {
        return all().stream().map(ClientStyle::name).toList();
    }

    /**
     * The style called {@code name}.
     *
     * @throws UserException naming the input and the styles there are:
     *     {@code unknown style 'x'; the styles are: blocking, select}
     */
    public static ClientStyle find(String name) {
        List<ClientStyle> styles = all();
        for (ClientStyle style : styles) {
            if (style.name().equals(name)) {
                return style;
            }
        }
        String names = styles.stream().map(ClientStyle::name).collect(Collectors.joining(", "));
        throw new UserException("unknown style '" + name + "'; the styles are: "
                + (names.isEmpty() ? "none (no client plugins on the class path)" : names));
    }
}
