package org.fangfei.app.shared;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The real names of accounts, for the records that keep who did something by login name
 * (a patrol's worker, a sweep's recorder, an upload's uploader): people are shown by
 * name, never by login name. A port owned here, so that any module may ask it, and
 * implemented by the security module, which owns the accounts.
 */
public interface AccountNames {

	/**
	 * The names of these login names, disabled accounts included (a name stays on the
	 * records an account made); login names of no account are left out.
	 */
	Map<String, String> byUsername(Collection<String> usernames);

	/** The name of one login name, or the login name itself when no account has it. */
	default String nameOf(String username) {
		if (username == null) {
			return null;
		}
		return byUsername(List.of(username)).getOrDefault(username, username);
	}

	/**
	 * The login names of the accounts within the scope whose name contains the text or
	 * whose login name is the text: how a filter typed as a name finds the records.
	 */
	List<String> usernamesMatching(String text, DataScope scope);

	/**
	 * The accounts within the scope whose name contains the text, by name, at most
	 * {@code limit}: the people picker's choices (value = login name).
	 */
	List<Choice> pick(String text, DataScope scope, int limit);

}
