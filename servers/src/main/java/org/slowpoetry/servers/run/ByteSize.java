package org.slowpoetry.servers.run;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A size on the command line, {@code --log-max-size 1MB}: a whole number of bytes, or of
 * {@code KB}, {@code MB} or {@code GB} (powers of 1024; case does not matter).
 *
 * <p><b>Threading:</b> stateless.
 */
final class ByteSize implements ITypeConverter<Long> {
    /** More than this is a typing mistake, and cannot overflow. */
    static final long MAX = 1L << 40;

    private static final Pattern SIZE = Pattern.compile("(\\d{1,13})\\s*(B|KB|MB|GB)?");

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a size such as 512KB or 1MB");
        }
        long unit = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KB" -> 1L << 10;
            case "MB" -> 1L << 20;
            case "GB" -> 1L << 30;
            default -> 1;
        };
        long count = Long.parseLong(m.group(1));
        if (count == 0 || count > MAX / unit) {
            throw new TypeConversionException("'" + value + "' is not a size above 0 and up to 1024GB");
        }
        return count * unit;
    }
}
