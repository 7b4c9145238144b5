using System.Linq.Expressions;

namespace MedMassage.ServiceDefaults.Persistence;

/// <summary>A list filtered by what the request names, and left whole for what it leaves out.</summary>
public static class OptionalFilters
{
    /// <summary><paramref name="query"/> where <paramref name="filter"/> holds for <paramref name="value"/>, or all of it when there is no value.</summary>
    public static IQueryable<T> WhereGiven<T, TValue>(this IQueryable<T> query, TValue? value, Func<TValue, Expression<Func<T, bool>>> filter)
        where TValue : struct =>
        value is { } given ? query.Where(filter(given)) : query;

    /// <inheritdoc cref="WhereGiven{T, TValue}(IQueryable{T}, TValue?, Func{TValue, Expression{Func{T, bool}}})"/>
    public static IQueryable<T> WhereGiven<T>(this IQueryable<T> query, string? value, Func<string, Expression<Func<T, bool>>> filter) =>
        value is { } given ? query.Where(filter(given)) : query;
}
