package org.fangfei.app.patrol;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a grid worker enters for a visit. The place visited is a subject
 * ({@code subjectId}) or a building ({@code buildingId}); when neither is given, a
 * subject is registered on the spot from {@code newSubjectKind}, {@code newSubjectName}
 * and {@code newSubjectRegion}. {@code visitedAt} is local time of the server's zone.
 */
record PatrolForm(Long subjectId, Long buildingId, String newSubjectKind,
		@Size(max = 200, message = "新建主体名称不能超过200个字") String newSubjectName, String newSubjectRegion,
		@NotNull(message = "请填写走访时间") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime visitedAt,
		@NotBlank(message = "请填写走访地点") @Size(max = 300, message = "走访地点不能超过300个字") String place,
		@NotNull(message = "请回答：主体资格是否合法") Answer legallyRegistered,
		@NotNull(message = "请回答：集资活动是否获得批准") Answer fundraisingApproved,
		@NotNull(message = "请回答：是否向社会不特定对象募集资金") Answer solicitsPublic,
		@NotNull(message = "请回答：是否承诺高额回报") Answer promisesHighReturns,
		@NotNull(message = "请回答：是否以合法形式掩盖非法集资") Answer hidesBehindLegalForm,
		@NotNull(message = "请回答：是否发现集资广告、摆摊设点宣传") Answer adsOrStallsSeen,
		@Size(max = 2000, message = "备注不能超过2000个字") String notes, Boolean raiseClue) {

	/** Whether the worker ticked "发现问题，上报线索"; an absent checkbox means no. */
	public boolean raisesClue() {
		return Boolean.TRUE.equals(this.raiseClue);
	}

	static PatrolForm blank(Long subjectId, LocalDateTime now) {
		return new PatrolForm(subjectId, null, "ENTERPRISE", "", "", now, "", null, null, null, null, null, null, "",
				false);
	}

	/** The same form aimed at a subject or building picked on the page. */
	PatrolForm at(Long subject, Long building) {
		return new PatrolForm(subject, building, this.newSubjectKind, this.newSubjectName, this.newSubjectRegion,
				this.visitedAt, this.place, this.legallyRegistered, this.fundraisingApproved, this.solicitsPublic,
				this.promisesHighReturns, this.hidesBehindLegalForm, this.adsOrStallsSeen, this.notes, this.raiseClue);
	}

	Map<Question, Answer> answers() {
		Map<Question, Answer> answers = new EnumMap<>(Question.class);
		answers.put(Question.LEGALLY_REGISTERED, this.legallyRegistered);
		answers.put(Question.FUNDRAISING_APPROVED, this.fundraisingApproved);
		answers.put(Question.SOLICITS_PUBLIC, this.solicitsPublic);
		answers.put(Question.PROMISES_HIGH_RETURNS, this.promisesHighReturns);
		answers.put(Question.HIDES_BEHIND_LEGAL_FORM, this.hidesBehindLegalForm);
		answers.put(Question.ADS_OR_STALLS_SEEN, this.adsOrStallsSeen);
		return answers;
	}

	/** The answer held for a question, by its field name; for the page's radio groups. */
	public Answer answer(String field) {
		for (Question q : Question.values()) {
			if (q.field().equals(field)) {
				return answers().get(q);
			}
		}
		return null;
	}

}
