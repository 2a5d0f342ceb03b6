package org.fangfei.app.shared;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The key a rate limit counts a client address by: an IPv4 address as it is, an IPv6
 * address by its /64 network. One subscriber line or phone gets a whole /64 and may use a
 * new address from it for every request, so counting single IPv6 addresses would give it
 * a fresh bucket each time.
 */
public final class ClientAddress {

	/** What a remote address of the servlet container looks like: an IP literal. */
	private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%[0-9A-Za-z._-]+)?");

	private ClientAddress() {
	}

	/**
	 * The rate-limit key of a remote address ({@code ServletRequest.getRemoteAddr()});
	 * anything that is not an IP literal is used as it is, at most 64 characters.
	 */
	public static String key(String remoteAddress) {
		if (remoteAddress == null || remoteAddress.isBlank()) {
			return "unknown";
		}
		String address = remoteAddress.strip();
		if (address.startsWith("[") && address.endsWith("]")) {
			address = address.substring(1, address.length() - 1);
		}
		if (address.indexOf(':') >= 0 && LITERAL.matcher(address).matches()) {
			try {
				// a literal is parsed, never looked up
				InetAddress parsed = InetAddress.getByName(address);
				if (parsed instanceof Inet6Address) {
					byte[] b = parsed.getAddress();
					return String.format("%x:%x:%x:%x::/64", word(b, 0), word(b, 2), word(b, 4), word(b, 6));
				}
				return parsed.getHostAddress();
			}
			catch (UnknownHostException ex) {
				// not an address after all
			}
		}
		return address.length() > 64 ? address.substring(0, 64) : address;
	}

	private static int word(byte[] b, int i) {
		return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
	}

}
