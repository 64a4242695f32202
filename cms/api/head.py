"""HEAD wherever GET works under /api/v3/: Ninja routes GET only, so HEAD is answered as GET without the body."""

from ..api_paths import PREFIX


class HeadAsGetMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "HEAD" or not request.path_info.startswith(PREFIX):
            return self.get_response(request)
        request.method = "GET"
        response = self.get_response(request)
        request.method = "HEAD"
        if not response.streaming:
            # The headers, Content-Length included, are those of the GET answer.
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
