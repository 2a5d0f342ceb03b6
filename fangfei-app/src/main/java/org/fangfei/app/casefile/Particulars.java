package org.fangfei.app.casefile;

import java.util.List;

/**
 * What a case is about, as checked by {@link CaseRules}: figures in fen, codes known.
 */
record Particulars(String title, String regionCode, String sectorCode, String schemeCode, Long amountRaisedFen,
		Integer participants, Long directLossFen, List<Long> subjectIds, List<String> involvedRegions) {

	/** Whether a region involved lies in another province than the lead region. */
	boolean crossProvince() {
		return this.involvedRegions.stream().anyMatch(r -> !r.substring(0, 2).equals(this.regionCode.substring(0, 2)));
	}

}
