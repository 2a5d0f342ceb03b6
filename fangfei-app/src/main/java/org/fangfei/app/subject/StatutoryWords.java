package org.fangfei.app.subject;

import java.util.ArrayList;
import java.util.List;

/**
 * 《防范和处置非法集资条例》 art. 9: without approval, no name or business scope may contain 金融, 交易所,
 * 交易中心, 理财, 财富管理 or 股权众筹. A subject using one is flagged for review; licensed
 * institutions are cleared by the reviewer.
 */
public final class StatutoryWords {

	public static final List<String> WORDS = List.of("金融", "交易所", "交易中心", "理财", "财富管理", "股权众筹");

	private StatutoryWords() {
	}

	/**
	 * The statutory words found in the name or the business scope, in the order of the
	 * regulation.
	 */
	public static List<String> findIn(String name, String businessScope) {
		String text = (name == null ? "" : name) + "\n" + (businessScope == null ? "" : businessScope);
		List<String> found = new ArrayList<>();
		for (String word : WORDS) {
			if (text.contains(word)) {
				found.add(word);
			}
		}
		return found;
	}

}
