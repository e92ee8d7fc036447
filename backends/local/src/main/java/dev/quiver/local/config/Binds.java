package dev.quiver.local.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Listen addresses: which are loopback (reachable from this machine only). */
public final class Binds {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]%]+");

    private Binds() {}

    public static boolean valid(String address) {
        return address != null && HOST.matcher(address).matches();
    }

    /** The address a local client connects to for a server bound to {@code bind}. */
    public static String reach(String bind) {
        String b = bind == null ? "" : bind.strip();
        return b.isEmpty() || b.equals("0.0.0.0") || b.equals("::") || b.equals("[::]") || loopback(b)
                ? "127.0.0.1"
                : b;
    }

    /** 127.0.0.0/8, ::1 and names resolving to them; anything else (0.0.0.0, a LAN address) is reachable. */
    public static boolean loopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String a = address.strip();
        if (a.equals("localhost") || a.startsWith("127.") || a.equals("::1") || a.equals("[::1]")) {
            return true;
        }
        try {
            return InetAddress.getByName(a).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
