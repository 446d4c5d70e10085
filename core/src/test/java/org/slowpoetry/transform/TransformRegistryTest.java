package org.slowpoetry.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TransformRegistryTest {

    @Test
    void theStandardSetIsCummingsifyAndTwoOfOurOwn() {
        assertEquals(List.of("cummingsify", "upper", "reverse-lines"),
                List.copyOf(TransformRegistry.standard().names()));
    }

    @Test
    void eachNameRunsItsOwnFunction() {
        var registry = TransformRegistry.standard();
        assertEquals("a poem", registry.find("cummingsify").orElseThrow().applyAsync("A Poem").join());
        assertEquals("A POEM", registry.find("upper").orElseThrow().applyAsync("A Poem").join());
        assertEquals("b\na\n", registry.find("reverse-lines").orElseThrow().applyAsync("a\nb\n").join());
        assertTrue(registry.find("title").isEmpty());
    }

    @Test
    void withAddsToACopyAndLeavesTheOriginalAlone() {
        var standard = TransformRegistry.standard();
        var more = standard.with("later", Transform.later(CompletableFuture::completedFuture));
        assertTrue(more.find("later").isPresent());
        assertTrue(standard.find("later").isEmpty());
    }

    @Test
    void aNameThatAProtocolCouldNotCarryOrThatIsTakenIsRefused() {
        var registry = TransformRegistry.standard();
        Transform any = Transform.now(poem -> poem);
        for (String bad : List.of("", "a.b", "a b", "Upper", "-x", "x-", "a--b")) {
            assertThrows(IllegalArgumentException.class, () -> registry.with(bad, any), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> registry.with("upper", any));
    }
}
