package org.fangfei.app.ad;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.Subjects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links a hit to the ledger subject it names (关联主体): by name when screened — every
 * organisation name in the text (a run of characters ending in 公司, 合作社, 中心…) is looked up
 * whole and then without its leading characters, and the first one the ledger holds
 * exactly once, within the screener's scope, is taken — or by hand from the hit's page.
 * Each link publishes {@link AdHitLinked} for the risk index.
 */
@Service
class AdLinks {

	private static final Pattern NAME = Pattern
		.compile("[\\p{IsHan}A-Za-z0-9（）()]{2,40}?(?:有限责任公司|股份有限公司|有限公司|专业合作社|合作社|服务中心|服务部|中心|公司|商行|平台|工作室|协会)");

	/** Organisation names tried per text, and lookups per name. */
	private static final int MAX_NAMES = 5;

	private final JdbcClient jdbc;

	private final Subjects subjects;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	AdLinks(JdbcClient jdbc, Subjects subjects, ApplicationEventPublisher events, AuditLog audit) {
		this.jdbc = jdbc;
		this.subjects = subjects;
		this.events = events;
		this.audit = audit;
	}

	/** Links the hit to the subject its text names, if the ledger has exactly one. */
	boolean linkByName(long postId, String text, int score, OffsetDateTime at, Actor actor) {
		for (String name : names(text)) {
			for (int from = 0; name.length() - from >= 4; from++) {
				Optional<Subject> found = this.subjects.soleNamed(name.substring(from));
				if (found.isPresent() && actor.scope().covers(found.get().regionCode())) {
					write(postId, found.get(), score, at);
					return true;
				}
			}
		}
		return false;
	}

	static Set<String> names(String text) {
		Set<String> out = new LinkedHashSet<>();
		Matcher m = NAME.matcher(text);
		while (m.find() && out.size() < MAX_NAMES) {
			out.add(m.group());
		}
		return out;
	}

	/** Links a hit to a subject chosen by hand. */
	@Transactional
	void link(long postId, long subjectId, Actor actor) {
		AdPost post = postOf(postId, actor);
		if (!post.flagged()) {
			throw new Rejected("只有命中的广告资讯才能关联主体");
		}
		Subject subject;
		try {
			subject = this.subjects.get(subjectId, actor.scope());
		}
		catch (NotFound ex) {
			throw new Rejected("主体 " + subjectId + " 不存在或不在您的管辖范围内", java.util.Map.of("subjectId", "主体不存在或无权查看"));
		}
		write(postId, subject, post.score(), post.publishedAt());
		this.audit.success("AD_LINK", "ad_post", postId, "广告命中关联主体：" + subject.name(), null, null);
	}

	private AdPost postOf(long postId, Actor actor) {
		return this.jdbc.sql(AdPosts.SELECT + " where p.id = :id and p.region_code like :like")
			.param("id", postId)
			.param("like", actor.scope().regionLike())
			.query(AdPosts.MAPPER)
			.optional()
			.orElseThrow(() -> new NotFound("广告资讯 " + postId));
	}

	private void write(long postId, Subject subject, int score, OffsetDateTime at) {
		this.jdbc.sql("update ad_post set subject_id = :s, subject_name = :n where id = :id")
			.param("s", subject.id())
			.param("n", subject.name())
			.param("id", postId)
			.update();
		this.events.publishEvent(new AdHitLinked(postId, subject.id(), score, AdScreening.orNow(at).toInstant()));
	}

}
