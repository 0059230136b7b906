using BotHost.Bot;
using BotHost.Knowledge;
using BotHost.Tests.Infrastructure;
using BotHost.Turns;
using Handoff.Conversations;
using Intents;

namespace BotHost.Tests.Bot;

public sealed class BotLogicTests(BotAppFactory factory) : IClassFixture<BotAppFactory>
{
    private TestChannel CreateSut(string? locale = "en", string? playerId = null) => factory.NewTestChannel(locale, playerId);

    [Theory]
    [InlineData("en", "how do I withdraw my winnings", "withdrawal_how")]
    [InlineData("ru", "как мне вывести выигрыш?", "withdrawal_how")]
    [InlineData("pl", "jak mogę wypłacić wygraną?", "withdrawal_how")]
    [InlineData("vi", "làm thế nào để rút tiền thắng cược", "withdrawal_how")]
    [InlineData("en", "how do I deposit?", "deposit_methods")]
    [InlineData("ru", "забыл пароль от аккаунта", "password_reset")]
    [InlineData("pl", "zapomniałem hasła do konta", "password_reset")]
    [InlineData("vi", "tôi quên mật khẩu", "password_reset")]
    public async Task Answer_FaqQuestion_ArticleForIntentInPlayersLanguage(string language, string text, string intent)
    {
        var sut = CreateSut(locale: null);

        var replies = await sut.SendAsync(text);

        var reply = Assert.Single(replies);
        Assert.Equal(intent, reply.ChannelData["intent"]);
        Assert.Equal(intent, reply.ChannelData["articleId"]);
        Assert.Equal(language, reply.ChannelData["language"]);
        var article = factory.Get<KnowledgeRuntime>().Searcher.FindByIntent(intent, language)!;
        Assert.Equal(language, article.Language);
        Assert.Contains(article.Body.Trim(), reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_UnsupportedLanguage_RepliesInEnglish()
    {
        var sut = CreateSut(locale: "de-DE");

        var replies = await sut.SendAsync("Wie kann ich Geld abheben?");

        // Answered in English, and not with an article picked from German words the model does not know.
        var reply = Assert.Single(replies);
        Assert.Equal("en", reply.ChannelData["language"]);
        Assert.Contains(reply.Text, new[] { BotTexts.Get("en", "not_understood"), BotTexts.Get("en", "clarify"), BotTexts.Get("en", "out_of_scope") });
        Assert.Null(reply.ChannelData["articleId"]);
    }

    [Theory]
    [InlineData("en", "acca")]
    [InlineData("en", "tron")]
    [InlineData("pl", "skrill")]
    [InlineData("ru", "usdt")]
    public async Task Answer_OnePlainWord_StaysInTheConversationsLanguage(string language, string word)
    {
        var sut = CreateSut(language);
        await sut.SendAsync(language switch { "ru" => "как пополнить счёт", "pl" => "jak wpłacić pieniądze", _ => "how do I deposit?" });

        var replies = await sut.SendAsync(word);

        Assert.All(replies, r => Assert.Equal(language, r.ChannelData["language"]));
    }

    [Theory]
    [InlineData("ne mogu voiti v akkaunt", "login_problem")]
    [InlineData("zabyl parol ot akkaunta", "password_reset")]
    public async Task Answer_TransliteratedRussian_RussianArticle(string text, string intent)
    {
        var sut = CreateSut("en");

        var replies = await sut.SendAsync(text);

        var reply = Assert.Single(replies);
        Assert.Equal("ru", reply.ChannelData["language"]);
        Assert.Equal(intent, reply.ChannelData["articleId"]);
    }

    [Theory]
    [InlineData("привет", "ru")]
    [InlineData("wypłata", "pl")]
    public async Task Answer_OneWordInAnotherAlphabet_SwitchesTheLanguage(string word, string language)
    {
        var sut = CreateSut("en");

        var replies = await sut.SendAsync(word);

        Assert.All(replies, r => Assert.Equal(language, r.ChannelData["language"]));
    }

    [Fact]
    public async Task Answer_OutOfScopePredictionWithSearchHits_OffersTopicsOfBothSignalsAndAPerson()
    {
        const string Text = "withdrawal";
        var top = factory.Get<KnowledgeRuntime>().Searcher.Search(Text, "en", 5).Top;
        Assert.NotNull(top);
        var guess = top.ArticleId == "bet_rules" ? "cashout" : "bet_rules";

        var replies = await DecideAsync(Text, IntentDecision.OutOfScope, (guess, 0.2), ("balance", 0.1));

        var reply = Assert.Single(replies);
        Assert.Equal(BotTexts.Get("en", "clarify"), reply.Text);
        Assert.Equal(
            [BotLogic.IntentValue(top.ArticleId), BotLogic.IntentValue(guess)],
            reply.Actions.Take(2).Select(a => a.Value));
        Assert.Contains(reply.Actions, a => a.Value == BotLogic.HandoffValue);
    }

    [Fact]
    public async Task Answer_AmbiguousPrediction_AnswersTheLikeliestArticleWithTheRunnersUpAsButtons()
    {
        var replies = await DecideAsync("xqzv wvvq", IntentDecision.Ambiguous, ("deposit_methods", 0.4), ("withdrawal_how", 0.3), ("balance", 0.1));

        var reply = Assert.Single(replies);
        Assert.Equal("deposit_methods", reply.ChannelData["articleId"]);
        Assert.Contains(reply.Actions, a => a.Value == BotLogic.IntentValue("withdrawal_how"));
    }

    [Fact]
    public async Task Answer_AmbiguousPredictionOfASensitiveTopic_AsksInsteadOfGuessing()
    {
        var replies = await DecideAsync("xqzv wvvq", IntentDecision.Ambiguous, ("gambling_problem", 0.4), ("deposit_limits", 0.3));

        var reply = Assert.Single(replies);
        Assert.Equal(BotTexts.Get("en", "clarify"), reply.Text);
        Assert.Contains(reply.Actions, a => a.Value == BotLogic.IntentValue("gambling_problem"));
        Assert.Contains(reply.Actions, a => a.Value == BotLogic.HandoffValue);
        Assert.False(reply.ChannelData.ContainsKey("handoff"));
    }

    [Fact]
    public async Task Answer_AmbiguousPrediction_SearchTopHitOutweighsASmallLead()
    {
        const string Text = "how long does a withdrawal to my visa card take";
        var top = factory.Get<KnowledgeRuntime>().Searcher.Search(Text, "en", 5).Top;
        Assert.NotNull(top);
        var leader = top.ArticleId == "withdrawal_how" ? "deposit_methods" : "withdrawal_how";

        var replies = await DecideAsync(Text, IntentDecision.Ambiguous, (leader, 0.45), (top.ArticleId, 0.35));

        Assert.Equal(top.ArticleId, Assert.Single(replies).ChannelData["articleId"]);
    }

    [Theory]
    [InlineData("en", "I want to talk to a human")]
    [InlineData("ru", "позовите живой человек пожалуйста")]
    [InlineData("pl", "poproszę konsultant")]
    [InlineData("vi", "cho tôi gặp nhân viên")]
    public async Task Handoff_ExplicitRequest_TicketWithHumanRequestReason(string language, string text)
    {
        var sut = CreateSut(language);

        var replies = await sut.SendAsync(text);

        var ticket = await sut.TicketAsync();
        Assert.NotNull(ticket);
        Assert.Equal("human_request", ticket.Reason);
        Assert.Equal(language, ticket.Language);
        Assert.Contains(replies, r => r.ChannelData.ContainsKey("handoff"));
    }

    [Fact]
    public async Task Handoff_SelfExclusion_ResponsibleGamblingArticleFirstThenSensitiveTicket()
    {
        var sut = CreateSut();

        var replies = await sut.SendAsync("I want to exclude myself");

        Assert.Equal(2, replies.Count);
        Assert.Equal("self_exclusion", replies[0].ChannelData["articleId"]);
        Assert.True(replies[1].ChannelData.ContainsKey("handoff"));
        var ticket = await sut.TicketAsync();
        Assert.Equal("sensitive:self_exclusion", ticket!.Reason);
    }

    [Theory]
    [InlineData("WHERE IS MY MONEY I WAITED FOR DAYS")]
    [InlineData("you are useless idiot")]
    public async Task Handoff_Frustration_TicketWithFrustrationReason(string text)
    {
        var sut = CreateSut();

        await sut.SendAsync(text);

        Assert.Equal("frustration", (await sut.TicketAsync())?.Reason);
    }

    [Fact]
    public async Task Handoff_SameUnansweredQuestionTwice_Frustration()
    {
        var state = new ConversationState();
        var unfamiliar = new IntentPrediction("en", [new IntentScore("bet_rules", 0.05)], IntentDecision.OutOfScope);

        var first = await DecideAsync("xqzv wvvq", unfamiliar, state);
        var second = await DecideAsync("xqzv wvvq?", unfamiliar, state);

        Assert.DoesNotContain(first, r => r.ChannelData.ContainsKey("handoff"));
        var handoff = Assert.Single(second, r => r.ChannelData.ContainsKey("handoff")).ChannelData["handoff"];
        Assert.Equal("frustration", Assert.IsType<Dictionary<string, object?>>(handoff)["reason"]);
    }

    [Theory]
    [InlineData("en", "who wins tonight, real or barca?")]
    [InlineData("ru", "какая погода завтра в питере")]
    [InlineData("pl", "ile to jest 17 razy 23")]
    [InlineData("vi", "test")]
    [InlineData("en", "qwzx plorf")]
    public async Task Answer_MessageNoArticleAnswers_SaysSoWithoutAnArticleOrATicket(string language, string text)
    {
        var sut = CreateSut(language);

        var first = await sut.SendAsync(text);
        var second = await sut.SendAsync(text + "!");

        // The out-of-scope class knows these; search words ("real", "test") must not drag in an article, and two
        // such messages are not two failed attempts to get help.
        var reply = Assert.Single(first);
        Assert.Equal(BotTexts.Get(language, "out_of_scope"), reply.Text);
        Assert.Null(reply.ChannelData["articleId"]);
        Assert.Contains(reply.Actions, a => a.Value == BotLogic.HandoffValue);
        Assert.All(second, r => Assert.Null(r.ChannelData["articleId"]));
        Assert.Null(await sut.TicketAsync());
    }

    [Fact]
    public async Task Handoff_TwoUnfamiliarMessagesInARow_RepeatedMiss()
    {
        // Unfamiliar to the classifier (out of scope, but not its out-of-scope class) and unknown to the search.
        var state = new ConversationState();
        var unfamiliar = new IntentPrediction("en", [new IntentScore("bet_rules", 0.05)], IntentDecision.OutOfScope);

        var first = await DecideAsync("xqzv wvvq", unfamiliar, state);
        var second = await DecideAsync("zzkrr vbbnt", unfamiliar, state);

        Assert.Equal(BotTexts.Get("en", "not_understood"), Assert.Single(first).Text);
        var handoff = Assert.Single(second, r => r.ChannelData.ContainsKey("handoff")).ChannelData["handoff"];
        Assert.Equal("repeated_miss", Assert.IsType<Dictionary<string, object?>>(handoff)["reason"]);
    }

    [Fact]
    public async Task Answer_UnfamiliarMessageBothSignalsPointTo_AnswersIt()
    {
        const string Text = "withdrawal";
        var top = factory.Get<KnowledgeRuntime>().Searcher.Search(Text, "en", 5).Top;
        Assert.NotNull(top);

        // Classifier probability plus the search's top-hit bonus reaches the answer score.
        var replies = await DecideAsync(Text, IntentDecision.OutOfScope, (top.ArticleId, 0.3), ("balance", 0.1));

        Assert.Equal(top.ArticleId, Assert.Single(replies).ChannelData["articleId"]);
    }

    [Fact]
    public async Task Answer_OutOfScopeClassWins_NoArticleEvenWhenSearchAgrees()
    {
        const string Text = "withdrawal";
        var top = factory.Get<KnowledgeRuntime>().Searcher.Search(Text, "en", 5).Top;
        Assert.NotNull(top);
        var prediction = new IntentPrediction("en", [new IntentScore(top.ArticleId, 0.3)], IntentDecision.OutOfScope) { OutOfScopeProbability = 0.6 };

        var replies = await DecideAsync(Text, prediction, new ConversationState());

        var reply = Assert.Single(replies);
        Assert.Equal(BotTexts.Get("en", "out_of_scope"), reply.Text);
        Assert.Null(reply.ChannelData["articleId"]);
        Assert.Equal([BotLogic.HandoffValue], reply.Actions.Select(a => a.Value));
    }

    [Theory]
    [InlineData("en", "what is my balance", "€1,250.40")]
    [InlineData("en", "where is my withdrawal", "Visa •••• 4242")]
    [InlineData("en", "is my account verified", "verification_verified")]
    [InlineData("en", "how much do I still need to wager", "€1,120.00")]
    [InlineData("pl", "ile mam pieniędzy na koncie", "250,40")]
    public async Task Answer_VerifiedPlayerAccountQuestion_AnswersFromAccount(string language, string text, string expected)
    {
        var sut = CreateSut(language, playerId: "p-1001");

        var reply = Assert.Single(await sut.SendAsync(text));

        Assert.Equal(true, reply.ChannelData["account"]);
        Assert.Equal(language, reply.ChannelData["language"]);
        var expectedText = expected.Contains('_', StringComparison.Ordinal) ? BotTexts.Get(language, expected) : expected;
        Assert.Contains(expectedText, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_VerifiedPlayerWithdrawalStatus_ShowsThePendingWithdrawal()
    {
        var sut = CreateSut("en", playerId: "p-1001");

        var reply = Assert.Single(await sut.SendAsync("where is my withdrawal"));

        Assert.Contains("€300.00", reply.Text, StringComparison.Ordinal);
        Assert.Contains(BotTexts.Get("en", "withdrawal_status_processing"), reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pl", "gdzie jest moja wypłata", "w trakcie realizacji")]
    [InlineData("ru", "где мой вывод", "в процессе выплаты")]
    [InlineData("vi", "tiền rút của tôi đâu rồi", "đang chi trả")]
    public async Task Answer_VerifiedPlayerWithdrawalStatus_StatusInThePlayersLanguage(string language, string text, string status)
    {
        var sut = CreateSut(language, playerId: "p-1001");

        var reply = Assert.Single(await sut.SendAsync(text));

        Assert.Contains(status, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("processing", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_UnverifiedPlayerWithdrawalStatus_NoAccountData()
    {
        var sut = CreateSut("en");

        var replies = await sut.SendAsync("where is my withdrawal");

        var reply = Assert.Single(replies);
        Assert.False(reply.ChannelData.ContainsKey("account"));
        Assert.DoesNotContain("€", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("4242", reply.Text, StringComparison.Ordinal);
        Assert.Contains(BotTexts.Get("en", "sign_in_needed"), reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NewConversation_WelcomesInLocaleLanguage()
    {
        var sut = CreateSut("pl-PL");

        var replies = await sut.StartAsync();

        Assert.Equal(BotTexts.Get("pl", "welcome"), Assert.Single(replies).Text);
    }

    /// <summary>Runs BotLogic alone on <paramref name="text"/> with the given classifier output (the search is real).</summary>
    private Task<List<Reply>> DecideAsync(string text, IntentDecision decision, params (string Intent, double Probability)[] candidates) =>
        DecideAsync(text, new IntentPrediction("en", [.. candidates.Select(c => new IntentScore(c.Intent, c.Probability))], decision), new ConversationState());

    private async Task<List<Reply>> DecideAsync(string text, IntentPrediction prediction, ConversationState state)
    {
        var logic = factory.Get<IEnumerable<ITurnMiddleware>>().OfType<BotLogic>().Single();
        var turn = new TurnBuilder().WithText(text).WithLocale("en").Build();
        var context = new TurnContext(turn)
        {
            Conversation = await factory.Get<ConversationService>().GetOrCreateAsync(turn.ConversationId, turn.Channel, null, "en", CancellationToken.None),
            Language = "en",
            Prediction = prediction,
            State = state,
        };

        await logic.InvokeAsync(context, () => Task.CompletedTask, CancellationToken.None);
        return context.Replies;
    }
}
