package org.fangfei.app.notification;

import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.shared.PageRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link Inbox} as other modules use it: posting is idempotent per matter and recipient
 * and joins the caller's transaction; shared notices reach exactly the members of their
 * unit, department or role; reading is per person, resolving per notice.
 */
@IntegrationTest
class InboxPostingTests extends NoticeTestSupport {

	@Autowired
	TransactionTemplate tx;

	private List<String> titles(String username) {
		return seenBy(username).stream().map(Notice::title).toList();
	}

	@Test
	void postingTheSameKeyTwiceToTheSameRecipientKeepsOneNotice() {
		String key = "clue:" + this.tag + ":assigned";
		this.inbox.post(NoticeKind.ASSIGNED, Recipient.unit("620422100000"), "新线索 " + this.tag, "正文", "/inbox", key);
		this.inbox.post(NoticeKind.ASSIGNED, Recipient.unit("620422100000"), "新线索 " + this.tag, "正文", "/inbox", key);
		this.inbox.resolve(key);
		this.inbox.post(NoticeKind.ASSIGNED, Recipient.unit("620422100000"), "新线索 " + this.tag, "正文", "/inbox", key);
		assertThat(count("select count(*) from notice where dedup_key = ?", key)).isEqualTo(1);
		// the same matter for another recipient is another notice
		this.inbox.post(NoticeKind.ASSIGNED, Recipient.unit("620422102000"), "新线索 " + this.tag, "正文", "/inbox", key);
		assertThat(count("select count(*) from notice where dedup_key = ?", key)).isEqualTo(2);
		// without a key every post is a notice
		this.inbox.post(NoticeKind.INFO, Recipient.user(userId("huishi")), "提示 " + this.tag, null, null, null);
		this.inbox.post(NoticeKind.INFO, Recipient.user(userId("huishi")), "提示 " + this.tag, null, null, null);
		assertThat(count("select count(*) from notice where title = ?", "提示 " + this.tag)).isEqualTo(2);
	}

	@Test
	void postingJoinsTheCallersTransaction() {
		String key = "rollback:" + this.tag;
		this.tx.executeWithoutResult(status -> {
			this.inbox.post(NoticeKind.RETURNED, Recipient.user(userId("huishi")), "退回 " + this.tag, null, null, key);
			assertThat(count("select count(*) from notice where dedup_key = ?", key)).isEqualTo(1);
			status.setRollbackOnly();
		});
		assertThat(count("select count(*) from notice where dedup_key = ?", key)).isZero();
	}

	@Test
	void aUnitIsItsStaffWithoutDepartmentADepartmentItsPeopleARoleItsHoldersUnderThePrefix() {
		this.accounts.ready("leader");
		this.accounts.ready("market");
		this.accounts.ready("grid");
		this.inbox.post(NoticeKind.INFO, Recipient.unit("620422100000"), "会师镇 " + this.tag, null, null, null);
		this.inbox.post(NoticeKind.INFO, Recipient.unit("620422000000"), "县本级 " + this.tag, null, null, null);
		this.inbox.post(NoticeKind.INFO, Recipient.department(departmentOf("market")), "市场监管局 " + this.tag, null, null,
				null);
		this.inbox.post(NoticeKind.INFO, Recipient.role("TOWNSHIP", "620422102"), "河畔镇乡镇角色 " + this.tag, null, null,
				null);
		this.inbox.post(NoticeKind.INFO, Recipient.role("LEADER", "620422"), "全县领导 " + this.tag, null, null, null);
		this.inbox.post(NoticeKind.INFO, Recipient.user(userId("grid")), "网格员本人 " + this.tag, null, null, null);

		assertThat(titles("huishi")).containsExactly("会师镇 " + this.tag);
		assertThat(titles("hepan")).containsExactly("河畔镇乡镇角色 " + this.tag);
		assertThat(titles("market")).containsExactly("市场监管局 " + this.tag);
		// the leader is the county's staff without a department; the office belongs to
		// 处非办
		assertThat(titles("leader")).containsExactlyInAnyOrder("县本级 " + this.tag, "全县领导 " + this.tag);
		assertThat(titles("office")).isEmpty();
		// a village grid worker is not 会师镇's staff
		assertThat(titles("grid")).containsExactly("网格员本人 " + this.tag);
	}

	@Test
	void membersJoiningLaterSeeTheUnitsNoticesAndReadingIsPerPerson() {
		this.inbox.post(NoticeKind.INFO, Recipient.unit("620422100000"), "共享提示 " + this.tag, null, null, null);
		secondHuishiMember();
		Notice forHuishi = seenBy("huishi").get(0);
		assertThat(seenBy("huishi2")).extracting(Notice::id).containsExactly(forHuishi.id());
		this.inbox.markRead(forHuishi.id(), reader("huishi"));
		assertThat(seenBy("huishi").get(0).read()).isTrue();
		assertThat(seenBy("huishi2").get(0).read()).isFalse();
		assertThat(count("select count(*) from notice where title = ?", "共享提示 " + this.tag)).isEqualTo(1);
	}

	@Test
	void anActionStaysOpenWhenReadUntilResolvedInformationIsDoneOnceRead() {
		long huishi = userId("huishi");
		long before = this.inbox.openCount(huishi);
		String key = "clue:" + this.tag + ":due";
		this.inbox.post(NoticeKind.DUE_SOON, Recipient.unit("620422100000"), "即将到期 " + this.tag, null, "/inbox", key);
		this.inbox.post(NoticeKind.FEEDBACK, Recipient.user(huishi), "反馈 " + this.tag, null, null, null);
		assertThat(this.inbox.openCount(huishi)).isEqualTo(before + 2);

		for (Notice n : seenBy("huishi")) {
			this.inbox.markRead(n.id(), reader("huishi"));
		}
		assertThat(this.inbox.openCount(huishi)).isEqualTo(before + 1);
		assertThat(seenBy("huishi")).filteredOn(Notice::open)
			.extracting(Notice::kind)
			.containsExactly(NoticeKind.DUE_SOON);

		this.inbox.resolve(key);
		assertThat(this.inbox.openCount(huishi)).isEqualTo(before);
		Notice resolved = seenBy("huishi").stream()
			.filter(n -> n.kind() == NoticeKind.DUE_SOON)
			.findFirst()
			.orElseThrow();
		assertThat(resolved.resolved()).isTrue();
		assertThat(resolved.open()).isFalse();
		assertThat(this.inbox.list(reader("huishi"), new InboxQuery(null, "done"), PageRequest.of(1, 200)).items())
			.extracting(Notice::id)
			.contains(resolved.id());
	}

	@Test
	void aResolvedMatterLeavesEveryMembersOpenList() {
		secondHuishiMember();
		long second = userId("huishi2");
		long before = this.inbox.openCount(second);
		String key = "clue:" + this.tag + ":supervision";
		this.inbox.post(NoticeKind.SUPERVISION, Recipient.unit("620422100000"), "督办 " + this.tag, null, null, key);
		assertThat(this.inbox.openCount(second)).isEqualTo(before + 1);
		this.inbox.resolve(key);
		assertThat(this.inbox.openCount(second)).isEqualTo(before);
	}

	@Test
	void aSenderLearnsWhichMattersItAnnouncedResolvedOrNot() {
		String open = "clue-step:" + this.tag + ":due";
		String done = "clue-step:" + this.tag + ":overdue";
		String never = "clue-step:" + this.tag + ":never";
		this.inbox.post(NoticeKind.DUE_SOON, Recipient.unit("620422100000"), "到期 " + this.tag, null, null, open);
		this.inbox.post(NoticeKind.OVERDUE, Recipient.unit("620422100000"), "逾期 " + this.tag, null, null, done);
		this.inbox.post(NoticeKind.OVERDUE, Recipient.unit("620422102000"), "逾期 " + this.tag, null, null, done);
		this.inbox.resolve(done);
		assertThat(this.inbox.posted(List.of(open, done, never))).containsExactlyInAnyOrder(open, done);
		assertThat(this.inbox.posted(List.of(never))).isEmpty();
		assertThat(this.inbox.posted(List.of())).isEmpty();
	}

	@Test
	void aDisabledAccountReadsNothing() {
		long second = userId(secondHuishiMember().getUsername());
		this.inbox.post(NoticeKind.INFO, Recipient.unit("620422100000"), "停用 " + this.tag, null, null, null);
		assertThat(this.inbox.openCount(second)).isPositive();
		this.jdbc.sql("update app_user set enabled = false where id = :id").param("id", second).update();
		try {
			assertThat(this.inbox.openCount(second)).isZero();
			assertThat(this.inbox.reader(second)).isEmpty();
		}
		finally {
			this.jdbc.sql("update app_user set enabled = true where id = :id").param("id", second).update();
		}
		assertThat(this.inbox.reader(second)).hasValueSatisfying(r -> {
			assertThat(r.unitCode()).isEqualTo("620422100000");
			assertThat(r.roles()).containsExactly("TOWNSHIP");
		});
	}

	@Test
	void badPostsAreProgrammingErrors() {
		assertThatIllegalArgumentException().isThrownBy(() -> Recipient.unit("6204221"));
		assertThatIllegalArgumentException().isThrownBy(() -> Recipient.role("LEADER", "62x"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Recipient(1L, null, 2L, null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.inbox.post(NoticeKind.INFO,
				Recipient.user(userId("huishi")), "链接 " + this.tag, null, "https://example.invalid/", null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.inbox.post(NoticeKind.INFO,
				Recipient.user(userId("huishi")), "链接 " + this.tag, null, "//example.invalid/", null));
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.inbox.post(NoticeKind.INFO, Recipient.user(userId("huishi")), " ", null, null, null));
		assertThat(count("select count(*) from notice where title = ?", "链接 " + this.tag)).isZero();
	}

}
