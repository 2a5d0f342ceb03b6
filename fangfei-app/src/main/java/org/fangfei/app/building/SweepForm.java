package org.fangfei.app.building;

import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a user records after sweeping a building; {@code raiseClue} sends what was found
 * to the clue workflow as a clue (发现问题，上报线索), as a patrol does.
 */
record SweepForm(@NotNull(message = "请填写扫楼日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sweptOn,
		@NotBlank(message = "请填写参加单位和人员") @Size(max = 300, message = "参加单位和人员不能超过300个字") String participants,
		@NotNull(message = "请填写检查主体数") @Min(value = 0, message = "检查主体数不能为负数") Integer tenantsChecked,
		@NotNull(message = "请填写发现风险数") @Min(value = 0, message = "发现风险数不能为负数") Integer risksFound,
		@Size(max = 2000, message = "发现的问题不能超过2000个字") String findings, Long campaignId, Boolean raiseClue) {

	static SweepForm blank(java.time.LocalDate today, Long campaignId) {
		return new SweepForm(today, "", 0, 0, "", campaignId, false);
	}

	/** Whether the sweep raises a clue (发现问题，上报线索). */
	public boolean raisesClue() {
		return Boolean.TRUE.equals(this.raiseClue);
	}

}
