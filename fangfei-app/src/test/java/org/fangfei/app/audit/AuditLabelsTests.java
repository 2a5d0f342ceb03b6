package org.fangfei.app.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, items 11 and 12: the audit log speaks Chinese. Every action any module writes
 * has a label (and the filter offers exactly the actions that are written, so an auditor
 * can list the reveals of 条例 art. 16 — TIP_REVEAL, not a REVEAL nobody writes for tips);
 * every kind of record, every field of the records written as before/after, and every
 * coded value of those fields has one too. Found by reading the sources, so a new action
 * or field without a label fails here.
 */
class AuditLabelsTests {

	private static final Path MAIN = Path.of("src/main/java/org/fangfei/app");

	/** The records modules write as before/after ({@code record.toString()}). */
	private static final List<String> AUDITED_RECORDS = List.of("subject.Subject", "subject.SubjectQuery",
			"organisation.Department", "organisation.Region", "organisation.Grid", "organisation.Person",
			"organisation.Dictionaries$Item", "building.Building", "building.Sweep", "building.SweepCampaign",
			"patrol.Patrol", "tip.RewardRule");

	private static final Pattern CALL = Pattern
		.compile("(?:audit\\.success|audit\\.failure|\\.failureFrom|failures\\.record)\\(([^,]*),\\s*\"([a-z_]+)\"");

	private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z_]*[A-Z])\"");

	@Test
	void everyActionWrittenHasALabelAndTheFilterOffersExactlyThose() throws Exception {
		Set<String> written = new TreeSet<>();
		for (String code : sources()) {
			Matcher call = CALL.matcher(code);
			while (call.find()) {
				Matcher literal = LITERAL.matcher(call.group(1));
				while (literal.find()) {
					written.add(literal.group(1));
				}
			}
		}
		// sign-ins (AuditLog#signIn) and the clue moves ("CLUE_" + the move)
		written.add("LOGIN");
		written.add("LOGIN_FAILED");
		for (Object move : Class.forName("org.fangfei.app.clue.Clue$Action").getEnumConstants()) {
			written.add("CLUE_" + ((Enum<?>) move).name());
		}
		assertThat(written).contains("TIP_REVEAL", "CLUE_REGISTER", "ACCESS_DENIED", "API_TOKEN", "CLUE_CLOSE");
		assertThat(AuditLabels.actions().keySet()).as("the actions the filter offers are the ones written")
			.containsExactlyInAnyOrderElementsOf(written);
		AuditLabels.actions().forEach((code, label) -> assertThat(label).as(code).matches(".*\\p{IsHan}.*"));
	}

	@Test
	void everyKindOfRecordWrittenHasALabel() throws IOException {
		Set<String> targets = new TreeSet<>();
		for (String code : sources()) {
			Matcher call = CALL.matcher(code);
			while (call.find()) {
				targets.add(call.group(2));
			}
		}
		assertThat(targets).contains("tip", "subject", "url");
		assertThat(targets).allSatisfy(t -> assertThat(AuditLabels.knowsTarget(t)).as(t).isTrue());
	}

	@Test
	void everyFieldOfAnAuditedRecordAndEveryCodedValueHasALabel() throws Exception {
		List<String> missing = new ArrayList<>();
		for (String name : AUDITED_RECORDS) {
			Class<?> type = Class.forName("org.fangfei.app." + name);
			for (RecordComponent c : type.getRecordComponents()) {
				if (!AuditLabels.knowsField(c.getName())) {
					missing.add(name + "." + c.getName());
				}
				if (c.getType().isEnum()) {
					for (Object constant : c.getType().getEnumConstants()) {
						if (!AuditLabels.knowsValue(((Enum<?>) constant).name())) {
							missing.add(name + "." + c.getName() + " = " + constant);
						}
					}
				}
			}
		}
		// the account's own toString (security.UserAccount) and the clue's state
		for (String field : List.of("username", "displayName", "region", "department", "roles", "enabled")) {
			if (!AuditLabels.knowsField(field)) {
				missing.add("UserAccount." + field);
			}
		}
		for (Object state : Class.forName("org.fangfei.app.clue.ClueState").getEnumConstants()) {
			if (!AuditLabels.knowsValue(((Enum<?>) state).name())) {
				missing.add("ClueState = " + state);
			}
		}
		assertThat(missing).as("fields and values without a Chinese label").isEmpty();
	}

	@Test
	void aChangeIsShownFieldByFieldInChinese() {
		List<AuditChanges.Row> rows = AuditChanges.of(
				"Subject[id=8, kind=ENTERPRISE, name=某某理财, riskLevel=RED, statutoryWords=[], notes=甲, 乙]",
				"Subject[id=8, kind=INDIVIDUAL_BUSINESS, name=某某理财, riskLevel=RED, statutoryWords=[理财, 投资], notes=甲, 乙]");
		assertThat(rows).containsExactly(new AuditChanges.Row("类型", "企业", "个体工商户"),
				new AuditChanges.Row("禁用字词", "(空)", "理财、投资"));
		assertThat(AuditChanges.of(null, "Region[code=620422100001, name=东山村, level=VILLAGE, enabled=true]"))
			.extracting(AuditChanges.Row::field, AuditChanges.Row::after)
			.contains(org.assertj.core.groups.Tuple.tuple("级别", "村(社区)"),
					org.assertj.core.groups.Tuple.tuple("启用", "是"));
		assertThat(AuditChanges.of("ACCEPTED", "DISPATCHED"))
			.containsExactly(new AuditChanges.Row("内容", "待分派", "已分派待签收"));
		assertThat(AuditChanges.of(null, null)).isEmpty();
	}

	private static List<String> sources() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter(f -> f.toString().endsWith(".java")).map(f -> {
				try {
					return Files.readString(f);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).toList();
		}
	}

}
