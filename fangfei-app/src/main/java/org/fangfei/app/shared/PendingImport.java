package org.fangfei.app.shared;

import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/**
 * A checked import file waiting in the HTTP session for the user's confirmation, under a
 * random one-use token. Only the latest file per session key is kept: checking a new
 * file, or confirming, ends the previous one.
 */
public final class PendingImport {

	private PendingImport() {
	}

	private record Held(String token, ImportTable<?> table) implements Serializable {
	}

	/** Keeps a checked file; returns the token that confirms it. */
	public static String hold(HttpSession session, String key, ImportTable<?> table) {
		String token = UUID.randomUUID().toString();
		session.setAttribute(key, new Held(token, table));
		return token;
	}

	public static void drop(HttpSession session, String key) {
		session.removeAttribute(key);
	}

	/**
	 * The file held under the token, removed from the session so that it is imported at
	 * most once; empty when the token is unknown, used or replaced.
	 */
	@SuppressWarnings("unchecked")
	public static <K extends ImportTemplate> Optional<ImportTable<K>> take(HttpSession session, String key,
			String token, Class<K> kind) {
		if (!(session.getAttribute(key) instanceof Held held) || !held.token().equals(token)
				|| !kind.isInstance(held.table().kind())) {
			return Optional.empty();
		}
		session.removeAttribute(key);
		return Optional.of((ImportTable<K>) held.table());
	}

}
