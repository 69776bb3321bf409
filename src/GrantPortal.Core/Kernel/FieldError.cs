namespace GrantPortal.Core.Kernel;

/// <summary>A message about one field of a form; <see cref="Field"/> is the form property's name.</summary>
public sealed record FieldError(string Field, string Message);
