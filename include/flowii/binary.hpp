// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Bytes that are not JSON:API: PDFs, XML/Pohoda exports, file contents, uploads.
#ifndef FLOWII_BINARY_HPP
#define FLOWII_BINARY_HPP

#include <flowii/result.hpp>

#include <string>

namespace flowii {

/// A downloaded body with its content type (e.g. "application/zip", "application/pdf").
struct Binary {
  std::string bytes;
  std::string content_type;
  /// File name from Content-Disposition, when the server sent one.
  std::string filename;

  /// Writes the bytes to `path` (replacing it). The error names the path and the OS reason.
  Status write_to(std::string const& path) const;
};

/// A file to attach to a partner, order, task, business case or communication.
/// FLOWii wants the content base64-encoded inside JSON; the SDK does that.
struct FileUpload {
  std::string name;          ///< file name shown in FLOWii, e.g. "offer.pdf"
  std::string content;       ///< raw bytes (not base64)
  std::string content_type;  ///< e.g. "application/pdf"
  std::string note;

  /// Reads a file from disk; name defaults to its base name and content_type is
  /// guessed from the extension (application/octet-stream when unknown).
  static Result<FileUpload> from_path(std::string const& path, std::string content_type = {});
};

}  // namespace flowii

#endif  // FLOWII_BINARY_HPP
