package org.fangfei.app.subject;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A subject as shown: the ID number masked only. {@code version} grows with every edit of
 * its fields (see {@link SubjectChanged}).
 */
public record Subject(long id, SubjectKind kind, String name, String creditCode, String idNumberMasked,
		String legalRepresentative, String registeredAddress, String businessAddress, Long buildingId,
		String buildingName, String unit, String regionCode, String regionName, Long gridId, String gridName,
		String sectorCode, String sectorLabel, Long departmentId, String departmentName, String schemeCode,
		String schemeLabel, RiskLevel riskLevel, SubjectStatus status, String businessScope,
		List<String> statutoryWords, WordReview wordReview, String notes, String createdBy, OffsetDateTime createdAt,
		OffsetDateTime updatedAt, long version) {

	/** This subject with the name of its building, which the building module keeps. */
	Subject withBuildingName(String name) {
		return new Subject(this.id, this.kind, this.name, this.creditCode, this.idNumberMasked,
				this.legalRepresentative, this.registeredAddress, this.businessAddress, this.buildingId, name,
				this.unit, this.regionCode, this.regionName, this.gridId, this.gridName, this.sectorCode,
				this.sectorLabel, this.departmentId, this.departmentName, this.schemeCode, this.schemeLabel,
				this.riskLevel, this.status, this.businessScope, this.statutoryWords, this.wordReview, this.notes,
				this.createdBy, this.createdAt, this.updatedAt, this.version);
	}

	/** Review of a subject flagged under 条例 art. 9. */
	public enum WordReview {

		PENDING("待审核"), CONFIRMED("确认违规"), CLEARED("已核实无问题");

		private final String label;

		WordReview(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
