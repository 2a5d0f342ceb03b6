package org.fangfei.app.petition;

/**
 * A petition of five or more people is collective (集体访): 信访工作条例 art. 25 asks many people
 * with the same matter to choose representatives, at most five, and a petition of five or
 * more petitioners is counted and escalated as a collective one.
 */
final class CollectivePetition {

	static final int AT_LEAST = 5;

	private CollectivePetition() {
	}

	static boolean collective(int petitioners) {
		return petitioners >= AT_LEAST;
	}

}
