package org.slowpoetry.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.UserException;

class ServerImplsTest {

    @Test
    void blockingIsFoundForBothKinds() {
        assertEquals("blocking", ServerImpls.find("blocking", ServerKind.SLOW).name());
        assertEquals("blocking", ServerImpls.find("blocking", ServerKind.FAST).name());
    }

    @Test
    void implsAreListedSortedByName() {
        List<String> names = ServerImpls.all().stream().map(ServerImpl::name).toList();
        assertTrue(names.contains("blocking"), names::toString);
        assertEquals(names.stream().sorted().toList(), names);
    }

    @Test
    void unknownImplIsAUserErrorNamingWhatThereIsAndWhatIsComing() {
        UserException e = assertThrows(UserException.class, () -> ServerImpls.find("nope", ServerKind.SLOW));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        Matcher m = Pattern.compile("unknown impl 'nope' for serve slow; available: ([a-z, ]+?)( \\(coming: ([a-z, ]+)\\))?")
                .matcher(e.getMessage());
        assertTrue(m.matches(), e.getMessage());
        List<String> available = List.of(m.group(1).split(", "));
        List<String> coming = m.group(3) == null ? List.of() : List.of(m.group(3).split(", "));
        assertTrue(available.contains("blocking"), e.getMessage());
        // Every planned impl is named once: as available, or as still to come.
        for (String planned : ServerImpls.PLANNED) {
            assertTrue(available.contains(planned) ^ coming.contains(planned), planned + ": " + e.getMessage());
        }
    }
}
