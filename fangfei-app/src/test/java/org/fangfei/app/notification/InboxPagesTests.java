package org.fangfei.app.notification;

import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox page, its header badge and its API: a user sees and opens only their own
 * notices; opening marks read (audited) and follows the link.
 */
@IntegrationTest
class InboxPagesTests extends NoticeTestSupport {

	private long notice(NoticeKind kind, String title, String link) {
		this.inbox.post(kind, Recipient.unit("620422100000"), title, "第一行\n<b>第二行</b>", link, "page:" + title);
		return count("select id from notice where dedup_key = ?", "page:" + title);
	}

	@Test
	void theHeaderShowsTheOpenCountAndTheInboxListsUnreadNoticesEscaped() throws Exception {
		notice(NoticeKind.ASSIGNED, "新分派线索 " + this.tag, "/buildings");
		long open = this.inbox.openCount(userId("huishi"));
		this.mvc.perform(get("/inbox").with(user(this.huishi)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"menu-inbox\"")))
			.andExpect(content().string(containsString("id=\"inbox-badge\">" + open + "<")))
			.andExpect(content().string(containsString("新分派线索 " + this.tag)))
			.andExpect(content().string(containsString("notice-unread")))
			.andExpect(content().string(containsString("&lt;b&gt;第二行&lt;/b&gt;")));
		this.mvc.perform(get("/inbox").with(user(this.hepan)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("新分派线索 " + this.tag))));
		this.mvc.perform(get("/inbox").param("kind", "BULLETIN").with(user(this.huishi)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("新分派线索 " + this.tag))));
		this.mvc.perform(get("/inbox").param("state", "done").with(user(this.huishi)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("新分派线索 " + this.tag))));
	}

	@Test
	void openingANoticeMarksItReadAuditedAndFollowsItsLink() throws Exception {
		long id = notice(NoticeKind.INFO, "打开即读 " + this.tag, "/buildings");
		long before = this.inbox.openCount(userId("huishi"));
		this.mvc.perform(post("/inbox/{id}/open", id).with(user(this.huishi)).with(csrf()))
			.andExpect(redirectedUrl("/buildings"));
		assertThat(this.inbox.openCount(userId("huishi"))).isEqualTo(before - 1);
		assertThat(count("select count(*) from notice_read where notice_id = ? and user_id = ?", id, userId("huishi")))
			.isEqualTo(1);
		assertThat(count("""
				select count(*) from audit_log where actor = 'huishi' and action = 'READ' and target_type = 'notice'
				and target_id = ? and outcome = 'SUCCESS'""", String.valueOf(id))).isEqualTo(1);
		// opening again writes nothing more
		this.mvc.perform(post("/inbox/{id}/open", id).with(user(this.huishi)).with(csrf()))
			.andExpect(redirectedUrl("/buildings"));
		assertThat(count("select count(*) from audit_log where action = 'READ' and target_id = ?", String.valueOf(id)))
			.isEqualTo(1);
	}

	@Test
	void anotherTownshipsNoticeDoesNotExistForThemByPageOrApi() throws Exception {
		long id = notice(NoticeKind.ASSIGNED, "他镇通知 " + this.tag, null);
		this.mvc.perform(post("/inbox/{id}/open", id).with(user(this.hepan)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/inbox/{id}/read", id).with(user(this.hepan)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(count("select count(*) from notice_read where notice_id = ?", id)).isZero();
	}

	@Test
	void theApiListsReadsAndCounts() throws Exception {
		long id = notice(NoticeKind.OVERDUE, "接口逾期 " + this.tag, "/inbox");
		this.mvc.perform(get("/api/v1/inbox").param("kind", "OVERDUE").with(user(this.huishi)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == " + id + ")].title").value("接口逾期 " + this.tag))
			.andExpect(jsonPath("$.items[?(@.id == " + id + ")].read").value(false));
		this.mvc.perform(post("/api/v1/inbox/{id}/read", id).with(user(this.huishi)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.read").value(true))
			.andExpect(jsonPath("$.open").value(true))
			.andExpect(jsonPath("$.kindLabel").value("已逾期"));
		this.mvc.perform(get("/api/v1/inbox/count").with(user(this.huishi)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.open").value(this.inbox.openCount(userId("huishi"))));
		this.mvc.perform(post("/api/v1/inbox/{id}/read", id).with(user(this.huishi))).andExpect(status().isForbidden());
	}

	@Test
	void markAllReadReadsEveryNoticeOfTheUserOnly() throws Exception {
		notice(NoticeKind.INFO, "全部已读一 " + this.tag, null);
		this.inbox.post(NoticeKind.INFO, Recipient.user(userId("huishi")), "全部已读二 " + this.tag, null, null, null);
		this.mvc.perform(post("/inbox/read-all").with(user(this.huishi)).with(csrf()))
			.andExpect(redirectedUrl("/inbox"));
		assertThat(seenBy("huishi")).hasSize(2).allMatch(Notice::read).noneMatch(Notice::open);
		assertThat(secondHuishiMember()).isNotNull();
		assertThat(seenBy("huishi2")).hasSize(1).noneMatch(Notice::read);
		assertThat(count("select count(*) from audit_log where actor = 'huishi' and action = 'READ_ALL'")).isPositive();
	}

	/**
	 * The security and audit administrators have no inbox; the system administrator has
	 * one since issue 14 (item 16: told when a year's holiday schedule is missing).
	 */
	@Test
	void administratorsHaveNoInbox() throws Exception {
		for (String admin : java.util.List.of("secadmin", "auditadmin")) {
			var account = this.accounts.ready(admin);
			this.mvc.perform(get("/inbox").with(user(account))).andExpect(status().isForbidden());
			this.mvc.perform(get("/").with(user(account)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("menu-inbox"))));
		}
		var sysadmin = this.accounts.ready("sysadmin");
		this.mvc.perform(get("/inbox").with(user(sysadmin))).andExpect(status().isOk());
		this.mvc.perform(get("/").with(user(sysadmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("menu-inbox")));
		this.mvc.perform(get("/").with(user(this.office)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("menu-inbox")));
	}

}
