package org.slowpoetry.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressTest {

    @Test
    void portAloneMeansTheLoopbackHost() {
        assertEquals(new Address("127.0.0.1", 10000), Address.parse("10000"));
    }

    @Test
    void hostAndPortAreSplitAtTheColon() {
        assertEquals(new Address("host", 10000), Address.parse("host:10000"));
    }

    @Test
    void bracketedIpv6HostLosesItsBrackets() {
        var address = Address.parse("[::1]:10000");
        assertEquals(new Address("::1", 10000), address);
        assertEquals("[::1]:10000", address.toString());
    }

    @Test
    void aBracketedHostNeedNotBeIpv6() {
        assertEquals(new Address("localhost", 10000), Address.parse("[localhost]:10000"));
    }

    @Test
    void portsAtBothEndsOfTheRangeAreAccepted() {
        assertEquals(1, Address.parse("1").port());
        assertEquals(65535, Address.parse("x:65535").port());
    }

    @Test
    void toStringPrintsHostColonPort() {
        assertEquals("127.0.0.1:10000", Address.parse("10000").toString());
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "''           | bad address '': empty",
        "'   '        | bad address '   ': empty",
        "x:99999      | bad address 'x:99999': port out of range 1–65535",
        "x:abc        | bad address 'x:abc': port 'abc' is not a number",
        ":80          | bad address ':80': missing host before ':'",
        "x:           | bad address 'x:': missing port",
        "0            | bad address '0': port out of range 1–65535",
        "65536        | bad address '65536': port out of range 1–65535",
        "99999999999  | bad address '99999999999': port out of range 1–65535",
        "-1           | bad address '-1': port '-1' is not a number",
        "::1:80       | bad address '::1:80': write IPv6 hosts in brackets, as [::1]:PORT",
        "::1          | bad address '::1': write IPv6 hosts in brackets, as [::1]:PORT",
        "[::1]        | bad address '[::1]': missing port: write [::1]:PORT",
        "[::1]:       | bad address '[::1]:': missing port",
        "[::1:80      | bad address '[::1:80': missing ']' after the IPv6 host",
        "[]:80        | bad address '[]:80': missing host between '[' and ']'",
        "[::1]80      | bad address '[::1]80': expected ':PORT' after ']', not '80'",
        "[::1]:x      | bad address '[::1]:x': port 'x' is not a number",
    })
    void badAddressIsRejectedNamingInputAndProblem(String input, String message) {
        var e = assertThrows(BadAddressException.class, () -> Address.parse(input));
        assertEquals(message, e.getMessage());
        assertEquals(input, e.input());
    }

    @Test
    void nullIsRejectedAsEmpty() {
        var e = assertThrows(BadAddressException.class, () -> Address.parse(null));
        assertEquals("bad address 'null': empty", e.getMessage());
    }
}
