package org.fangfei.app.notification;

import java.util.List;

import org.fangfei.app.TestAccounts;
import org.fangfei.app.shared.PageRequest;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the notification tests share: the demo accounts ready to sign in, a tag that keeps
 * each test's titles and keys unique in the shared database, and look-ups by username.
 */
abstract class NoticeTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Inbox inbox;

	UserDetails office;

	UserDetails huishi;

	UserDetails hepan;

	String tag;

	@BeforeEach
	void setUpAccountsAndTag() {
		this.office = this.accounts.ready("office");
		this.huishi = this.accounts.ready("huishi");
		this.hepan = this.accounts.ready("hepan");
		this.tag = Long.toString(System.nanoTime(), 36);
	}

	long userId(String username) {
		return this.jdbc.sql("select id from app_user where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	long departmentOf(String username) {
		return this.jdbc.sql("select department_id from app_user where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	Reader reader(String username) {
		return this.inbox.reader(userId(username)).orElseThrow();
	}

	/**
	 * The notices this account sees (open and done) whose title carries this test's tag.
	 */
	List<Notice> seenBy(String username) {
		return this.inbox.list(reader(username), new InboxQuery(null, "all"), PageRequest.of(1, 200))
			.items()
			.stream()
			.filter(n -> n.title().contains(this.tag))
			.toList();
	}

	long count(String sql, Object... args) {
		var spec = this.jdbc.sql(sql);
		for (Object arg : args) {
			spec = spec.param(arg);
		}
		return spec.query(Long.class).single();
	}

	/**
	 * A second member of 会师镇's staff (same region, no department), created once, ready to
	 * sign in.
	 */
	UserDetails secondHuishiMember() {
		if (count("select count(*) from app_user where username = 'huishi2'") == 0) {
			long id = this.jdbc.sql("""
					insert into app_user (username, display_name, password_hash, region_code, must_change_password)
					values ('huishi2', '会师镇 孙强', 'x', '620422100000', false) returning id
					""").query(Long.class).single();
			this.jdbc.sql("insert into user_role (user_id, role_code) values (:id, 'TOWNSHIP')")
				.param("id", id)
				.update();
		}
		return this.accounts.ready("huishi2");
	}

}
