package dev.gazette.link;

import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;
import dev.gazette.model.Edition;
import dev.gazette.model.Story;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Publishing calendar: editions (daily or weekly, weeks starting on Monday) and the monthly archive. */
final class Editions {
    private Editions() {
    }

    /** The first day of the edition a dated article appears in. */
    static LocalDate editionStart(Article article, SiteConfig.Edition kind) {
        LocalDate day = article.date().toLocalDate();
        // The Monday on or before the day (what TemporalAdjusters.previousOrSame(MONDAY) gives, without its lambda per call).
        return kind == SiteConfig.Edition.DAILY ? day : day.minusDays(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
    }

    /** The archive month of a dated article. */
    static YearMonth month(Article article) {
        return YearMonth.of(article.date().getYear(), article.date().getMonthValue());
    }

    /**
     * The edition starting on {@code start}.
     *
     * @param members its articles, newest first
     * @param storyOf each article's story, by slug, for grouping within the edition
     */
    static Edition edition(LocalDate start, List<Article> members, SiteConfig.Edition kind, Map<String, Story> storyOf) {
        Story[] stories = new Story[members.size()];
        for (int i = 0; i < stories.length; i++) {
            stories[i] = storyOf.get(members.get(i).slug());
        }
        return edition(start, members, stories, kind);
    }

    /**
     * The edition starting on {@code start}.
     *
     * @param members its articles, newest first
     * @param stories each member's story (null for none), for grouping within the edition
     */
    static Edition edition(LocalDate start, List<Article> members, Story[] stories, SiteConfig.Edition kind) {
        // Groups in the order of their first article; an article of no story is a group alone.
        List<Story> groupStories = new ArrayList<>();
        List<List<Article>> groupArticles = new ArrayList<>();
        Map<String, Integer> groupOfStory = null;
        for (int i = 0; i < stories.length; i++) {
            Article a = members.get(i);
            Story story = stories[i];
            if (story == null) {
                groupStories.add(null);
                groupArticles.add(List.of(a));
                continue;
            }
            groupOfStory = groupOfStory == null ? new HashMap<>() : groupOfStory;
            Integer at = groupOfStory.putIfAbsent(story.slug(), groupArticles.size());
            if (at == null) {
                groupStories.add(story);
                groupArticles.add(new ArrayList<>(List.of(a)));
            } else {
                groupStories.set(at, story);
                groupArticles.get(at).add(a);
            }
        }
        List<Edition.Group> list = new ArrayList<>(groupArticles.size());
        for (int g = 0; g < groupArticles.size(); g++) {
            list.add(new Edition.Group(groupStories.get(g), groupArticles.get(g)));
        }
        LocalDate end = kind == SiteConfig.Edition.DAILY ? start : start.plusDays(6);
        return new Edition(start.toString(), start, end, list);
    }
}
