namespace GrantPortal.Core.Reviews;

/// <summary>Reviews: conflict-free assignment, scoring and the calibrated ranking. Each use case is registered here, next to its files.</summary>
public static class ReviewsRegistration
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddSingleton<AssignmentQueries>();
        services.AddSingleton<AssignReviewers>();
        services.AddSingleton<AddReviewer>();
        services.AddSingleton<RemoveReviewer>();
        services.AddSingleton<PinConflict>();
        services.AddSingleton<LiftConflict>();
        services.AddSingleton<ReviewQueries>();
        services.AddSingleton<DeclareConflict>();
        services.AddSingleton<WithdrawDeclaration>();
        services.AddSingleton<SaveReview>();
        services.AddSingleton<SubmitReview>();
        services.AddSingleton<ReopenReview>();
        services.AddSingleton<RankingQueries>();
        services.AddSingleton<DecideApplication>();
        services.AddSingleton<ReviewerProfileService>();
        return services;
    }
}
