using System;
using System.Text.RegularExpressions;

namespace Clife.Simulator.Protocol;

/// <summary>An MQTT topic template with the placeholders {productCode} and {devId}.</summary>
public sealed class TopicTemplate
{
    /// <summary>The default device→platform template.</summary>
    public const string DefaultUp = "clife/{productCode}/{devId}/up";
    /// <summary>The default platform→device template.</summary>
    public const string DefaultDown = "clife/{productCode}/{devId}/down";

    private const string ProductToken = "{productCode}";
    private const string DevIdToken = "{devId}";
    private readonly Regex _match;

    /// <summary>Creates a template; it must contain {devId}, each placeholder as a whole topic level.</summary>
    /// <exception cref="ArgumentException">The template has no {devId} or a placeholder inside a level.</exception>
    public TopicTemplate(string template)
    {
        Template = template ?? throw new ArgumentNullException(nameof(template));
        if (!template.Contains(DevIdToken, StringComparison.Ordinal))
            throw new ArgumentException($"topic template '{template}' has no {DevIdToken}", nameof(template));
        string[] levels = template.Split('/');
        string pattern = "^";
        for (int i = 0; i < levels.Length; i++)
        {
            string level = levels[i];
            if (i > 0) pattern += "/";
            if (level == ProductToken) pattern += "(?<p>[^/]+)";
            else if (level == DevIdToken) pattern += "(?<d>[^/]+)";
            else if (level.Contains('{', StringComparison.Ordinal))
                throw new ArgumentException($"topic template '{template}': a placeholder must be a whole level", nameof(template));
            else pattern += Regex.Escape(level);
        }
        _match = new Regex(pattern + "$", RegexOptions.CultureInvariant);
    }

    /// <summary>The template text.</summary>
    public string Template { get; }

    /// <summary>The topic of one device.</summary>
    public string Format(string productCode, string devId)
        => Template.Replace(ProductToken, productCode, StringComparison.Ordinal).Replace(DevIdToken, devId, StringComparison.Ordinal);

    /// <summary>The subscription filter matching every device ("+" for each placeholder).</summary>
    public string WildcardFilter
        => Template.Replace(ProductToken, "+", StringComparison.Ordinal).Replace(DevIdToken, "+", StringComparison.Ordinal);

    /// <summary>Extracts productCode (empty when the template has none) and devId from a topic.</summary>
    public bool TryMatch(string topic, out string productCode, out string devId)
    {
        Match m = _match.Match(topic);
        if (!m.Success)
        {
            productCode = devId = string.Empty;
            return false;
        }
        productCode = m.Groups["p"].Success ? m.Groups["p"].Value : string.Empty;
        devId = m.Groups["d"].Value;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Template;
}
