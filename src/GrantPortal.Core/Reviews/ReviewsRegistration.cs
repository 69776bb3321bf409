using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Core.Reviews;

/// <summary>Reviews: conflict-free assignment, scoring and the calibrated ranking. Each use case is registered here, next to its files.</summary>
public static class ReviewsRegistration
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddSingleton<ReviewService>();
        services.AddSingleton<AssignmentService>();
        services.AddSingleton<RankingService>();
        services.AddSingleton<ReviewerProfileService>();
        return services;
    }
}
