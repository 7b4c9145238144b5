using System.Linq.Expressions;

namespace MedMassage.Fhir;

public static class DateRangeFilter
{
    /// <summary>The records whose instant <paramref name="at"/> falls in <paramref name="range"/> (all of them when there is none).</summary>
    public static IQueryable<T> Within<T>(this IQueryable<T> query, DateRange? range, Expression<Func<T, DateTimeOffset?>> at)
    {
        if (range?.From is { } from)
        {
            query = query.Where(Compare(at, from, Expression.GreaterThanOrEqual));
        }
        if (range?.To is { } to)
        {
            query = query.Where(Compare(at, to, Expression.LessThan));
        }
        return query;
    }

    private static Expression<Func<T, bool>> Compare<T>(Expression<Func<T, DateTimeOffset?>> at, DateTimeOffset bound, Func<Expression, Expression, BinaryExpression> compare)
    {
        // Read through a closure, so the bound is a query parameter as it is in a written lambda.
        Expression<Func<DateTimeOffset?>> value = () => bound;
        return Expression.Lambda<Func<T, bool>>(compare(at.Body, value.Body), at.Parameters);
    }
}
