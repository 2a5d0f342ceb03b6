package org.fangfei.app.ad;

import java.util.List;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.clue.ClueForm;
import org.fangfei.app.clue.ClueIntake;
import org.fangfei.app.clue.ClueSource;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 转为线索: a hit becomes a clue in one click, through {@link ClueIntake} like every other
 * channel. The channel is {@link ClueSource#MEDIA} (媒体曝光) with the detail 广告资讯排查: an ad
 * or post is something published, not a report from a person, so no feedback is owed; the
 * reference {@code AD-<id>} makes a second click return the same clue. The clue carries
 * the text, its address, the screener's explanation and the linked subject.
 */
@Service
class AdClues {

	static final String SOURCE_DETAIL = "广告资讯排查";

	private final JdbcClient jdbc;

	private final AdPosts posts;

	private final ClueIntake intake;

	private final AuditLog audit;

	AdClues(JdbcClient jdbc, AdPosts posts, ClueIntake intake, AuditLog audit) {
		this.jdbc = jdbc;
		this.posts = posts;
		this.intake = intake;
		this.audit = audit;
	}

	/** Registers the hit as a clue; returns the clue's code. */
	@Transactional
	String toClue(long postId, Actor actor) {
		AdPost post = this.posts.get(postId, actor.scope());
		if (!post.flagged()) {
			throw new Rejected("未命中的广告资讯不能转为线索");
		}
		if (post.clueCode() != null) {
			return post.clueCode();
		}
		String what = post.title() != null ? post.title() : post.excerpt();
		String description = "排查发现的广告资讯" + (post.url() == null ? "" : "（" + post.url() + "）") + (post
			.publishedAt() == null ? "" : "，发布于 "
					+ post.publishedAt().atZoneSameInstant(Times.zone()).toLocalDateTime().toString().replace('T', ' '))
				+ "：\n" + AdScreening.abbreviate(post.body(), 3000) + "\n\n排查结果：" + post.score() + " 分。"
				+ post.explanation() + (post.repeats() > 1 ? "\n同一内容共发布 " + post.repeats() + " 次。" : "");
		// received now: the office came upon it by screening; when it was published is in
		// the
		// description (a post may be older than the one year a received time may lie
		// back)
		ClueForm form = new ClueForm(ClueSource.MEDIA, SOURCE_DETAIL, "AD-" + post.id(), null,
				AdScreening.abbreviate("广告资讯涉嫌非法集资：" + what, 200), AdScreening.abbreviate(description, 5000),
				post.regionCode(), "", "", "", null, null,
				post.subjectId() == null ? List.of() : List.of(post.subjectId()), "", null, "", "", "", null);
		ClueIntake.Registered clue = this.intake.register(form, actor);
		this.jdbc.sql("update ad_post set clue_id = :c, clue_code = :code where id = :id")
			.param("c", clue.id())
			.param("code", clue.code())
			.param("id", postId)
			.update();
		this.audit.success("AD_CLUE", "ad_post", postId, "广告命中转为线索 " + clue.code(), null, null);
		return clue.code();
	}

}
